package io.paretoprune.experiments.pareto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.columns.Column;

/**
 * Writes search results as {@code pareto.csv} (one row per training: {@code search, order, c1, c2,
 * f1, f2, dominated, knee_paper, knee_chord}, then one column per payload key) and {@code
 * pareto.json} ({@code {"searches": [{search, evaluations, stop_reason, hypervolume,
 * reference_point: {f1, f2}, knee_paper: {order, c1, c2, f1, f2, score}, knee_chord: {...}, front:
 * [orders]}]}}). {@code order} is the 1-based training order; {@code dominated} is true for points
 * off the front (including later copies of an identical point) and empty for diverged (non-finite)
 * points. Payload columns are numeric when every value given is a number; missing values are empty.
 * NaN in JSON is written as null.
 */
public final class ParetoCsv {
  public static final String CSV_FILE = "pareto.csv";
  public static final String JSON_FILE = "pareto.json";

  private ParetoCsv() {}

  /**
   * Writes {@code pareto.csv} and {@code pareto.json} into {@code directory} (created if absent).
   */
  public static void write(Path directory, List<SearchResult> results) {
    try {
      Files.createDirectories(directory);
      toTable(results).write().csv(directory.resolve(CSV_FILE).toFile());
      new ObjectMapper()
          .enable(SerializationFeature.INDENT_OUTPUT)
          .writeValue(directory.resolve(JSON_FILE).toFile(), toJson(results));
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write Pareto results to " + directory, e);
    }
  }

  /** The rows of {@code pareto.csv} for all results, one after the other. */
  public static Table toTable(List<SearchResult> results) {
    Map<String, Boolean> payloadNumeric = new LinkedHashMap<>();
    for (SearchResult r : results) {
      for (ParetoPoint p : r.evaluated()) {
        p.payload()
            .forEach((k, v) -> payloadNumeric.merge(k, v instanceof Number, Boolean::logicalAnd));
      }
    }
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
    payloadNumeric.forEach(
        (k, numeric) -> {
          if (t.containsColumn(k)) {
            throw new IllegalArgumentException(
                "payload key '" + k + "' clashes with a column of " + CSV_FILE);
          }
          t.addColumns(numeric ? DoubleColumn.create(k) : StringColumn.create(k));
        });
    for (SearchResult r : results) {
      for (int i = 0; i < r.evaluated().size(); i++) {
        ParetoPoint p = r.evaluated().get(i);
        t.stringColumn("search").append(r.search());
        t.intColumn("order").append(i + 1);
        t.doubleColumn("c1").append(p.c1());
        t.doubleColumn("c2").append(p.c2());
        t.doubleColumn("f1").append(p.f1());
        t.doubleColumn("f2").append(p.f2());
        if (p.isFinite()) {
          t.booleanColumn("dominated").append(!containsIdentity(r.front(), p));
        } else {
          t.booleanColumn("dominated").appendMissing();
        }
        t.booleanColumn("knee_paper").append(isKnee(r.kneePaper(), p));
        t.booleanColumn("knee_chord").append(isKnee(r.kneeChord(), p));
        payloadNumeric.forEach(
            (k, numeric) -> appendPayload(t.column(k), numeric, p.payload().get(k)));
      }
    }
    return t;
  }

  /** The content of {@code pareto.json}. */
  public static ObjectNode toJson(List<SearchResult> results) {
    ObjectMapper mapper = new ObjectMapper();
    ObjectNode root = mapper.createObjectNode();
    ArrayNode searches = root.putArray("searches");
    for (SearchResult r : results) {
      ObjectNode s = searches.addObject();
      s.put("search", r.search());
      s.put("evaluations", r.evaluations());
      s.put("stop_reason", r.stopReason());
      putNumber(s, "hypervolume", r.hypervolume());
      if (r.referencePoint() == null) {
        s.putNull("reference_point");
      } else {
        ObjectNode ref = s.putObject("reference_point");
        ref.put("f1", r.referencePoint().f1());
        ref.put("f2", r.referencePoint().f2());
      }
      putKnee(s, "knee_paper", r, r.kneePaper());
      putKnee(s, "knee_chord", r, r.kneeChord());
      ArrayNode front = s.putArray("front");
      r.front().forEach(p -> front.add(r.orderOf(p)));
    }
    return root;
  }

  private static void putKnee(ObjectNode parent, String name, SearchResult r, Optional<Knee> knee) {
    if (knee.isEmpty()) {
      parent.putNull(name);
      return;
    }
    ParetoPoint p = knee.get().point();
    ObjectNode k = parent.putObject(name);
    k.put("order", r.orderOf(p));
    k.put("c1", p.c1());
    k.put("c2", p.c2());
    k.put("f1", p.f1());
    k.put("f2", p.f2());
    putNumber(k, "score", knee.get().score());
  }

  private static void putNumber(ObjectNode node, String name, double value) {
    if (Double.isFinite(value)) {
      node.put(name, value);
    } else {
      node.putNull(name);
    }
  }

  private static boolean isKnee(Optional<Knee> knee, ParetoPoint p) {
    return knee.isPresent() && knee.get().point() == p;
  }

  private static boolean containsIdentity(List<ParetoPoint> points, ParetoPoint p) {
    return points.stream().anyMatch(q -> q == p);
  }

  private static void appendPayload(Column<?> column, boolean numeric, Object value) {
    if (value == null) {
      column.appendMissing();
    } else if (numeric) {
      ((DoubleColumn) column).append(((Number) value).doubleValue());
    } else {
      ((StringColumn) column).append(String.valueOf(value));
    }
  }
}
