package io.paretoprune.experiments.pareto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretoprune.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** Writes a search as {@code pareto.csv} (every point) and {@code pareto.json} (front summary). */
public final class SearchResultWriter {
  private SearchResultWriter() {}

  public static Table table(SearchResult r) {
    Set<String> payload = new LinkedHashSet<>();
    r.evaluated().forEach(p -> payload.addAll(p.payload().keySet()));
    Table t =
        Table.create(
            "pareto",
            StringColumn.create("search"),
            IntColumn.create("order"),
            DoubleColumn.create("c1"),
            DoubleColumn.create("c2"),
            DoubleColumn.create("f1"),
            DoubleColumn.create("f2"),
            BooleanColumn.create("dominated"),
            BooleanColumn.create("knee_paper"),
            BooleanColumn.create("knee_chord"));
    payload.forEach(k -> t.addColumns(DoubleColumn.create(k)));
    int order = 0;
    for (ParetoPoint p : r.evaluated()) {
      t.stringColumn("search").append(r.search());
      t.intColumn("order").append(++order);
      t.doubleColumn("c1").append(p.c1());
      t.doubleColumn("c2").append(p.c2());
      t.doubleColumn("f1").append(p.f1());
      t.doubleColumn("f2").append(p.f2());
      t.booleanColumn("dominated").append(!r.front().contains(p));
      t.booleanColumn("knee_paper").append(p.equals(r.kneePaper()));
      t.booleanColumn("knee_chord").append(p.equals(r.kneeChord()));
      for (String k : payload) {
        t.doubleColumn(k).append(p.payload().getOrDefault(k, Double.NaN));
      }
    }
    return t;
  }

  /** Writes both files into {@code dir}; {@code retrained} (may be null) goes into the JSON. */
  public static void write(SearchResult r, Path dir, Map<String, Object> retrained)
      throws IOException {
    write(r, dir, null, retrained);
  }

  /**
   * Writes both files into {@code dir}; {@code knee} (the rule the search retrains by, {@code
   * chord} or {@code paper}) and {@code retrained} (may be null each) go into the JSON.
   */
  public static void write(SearchResult r, Path dir, String knee, Map<String, Object> retrained)
      throws IOException {
    Files.createDirectories(dir);
    AtomicFiles.write(dir.resolve("pareto.csv"), out -> table(r).write().csv(out));
    ObjectMapper json = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);
    ObjectNode o = json.createObjectNode();
    o.put("search", r.search());
    o.put("evaluations", r.evaluated().size());
    o.put("hypervolume", r.hypervolume());
    o.putArray("reference").add(r.reference()[0]).add(r.reference()[1]);
    o.set("knee_paper", json.valueToTree(r.kneePaper()));
    o.set("knee_chord", json.valueToTree(r.kneeChord()));
    if (knee != null) {
      o.put("knee", knee);
    }
    o.set("front", json.valueToTree(r.front()));
    if (retrained != null) {
      o.set("retrained", json.valueToTree(retrained));
    }
    AtomicFiles.writeString(dir.resolve("pareto.json"), json.writeValueAsString(o));
  }
}
