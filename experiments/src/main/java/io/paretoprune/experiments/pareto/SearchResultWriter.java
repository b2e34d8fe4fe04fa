package io.paretoprune.experiments.pareto;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.stats.Descriptives;
import io.paretoprune.stats.MetricRanges;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.ToDoubleFunction;
import tech.tablesaw.api.BooleanColumn;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * Writes a search as {@code pareto.csv} (every trained run), {@code pareto.json} (front summary)
 * and, when the weightings trained several seeds each, {@code pareto-means.csv} (one row per
 * weighting: the means the search decided on, with their 95% t intervals).
 */
public final class SearchResultWriter {
  /** The per-weighting table of a search with several seeds per weighting. */
  public static final String MEANS = "pareto-means.csv";

  private SearchResultWriter() {}

  private static Set<String> payloadKeys(SearchResult r) {
    Set<String> payload = new LinkedHashSet<>();
    r.evaluated().forEach(p -> payload.addAll(p.payload().keySet()));
    return payload;
  }

  private static boolean seeded(SearchResult r) {
    return r.evaluated().stream().anyMatch(p -> !p.seeds().isEmpty());
  }

  /** One row per trained weighting: the table of a search with one seed per weighting. */
  public static Table table(SearchResult r) {
    return table(r, List.of());
  }

  /**
   * One row per trained run. With several seeds per weighting ({@code seeds}, in the order of each
   * mean's {@link ParetoPoint#seeds()}) a {@code seed} column follows {@code order}, each row holds
   * that seed's objectives and figures, and {@code dominated} and the knee columns are its
   * weighting's (the search decides on the means); with one seed the table is a row per weighting,
   * as it always was.
   */
  public static Table table(SearchResult r, List<Long> seeds) {
    Set<String> payload = payloadKeys(r);
    boolean seeded = seeded(r);
    Table t = Table.create("pareto", StringColumn.create("search"), IntColumn.create("order"));
    if (seeded) {
      t.addColumns(LongColumn.create("seed"));
    }
    t.addColumns(
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
      order++;
      List<ParetoPoint> runs = seeded ? p.seeds() : List.of(p);
      for (int i = 0; i < runs.size(); i++) {
        ParetoPoint run = runs.get(i);
        t.stringColumn("search").append(r.search());
        t.intColumn("order").append(order);
        if (seeded) {
          t.longColumn("seed").append(seeds.get(i));
        }
        t.doubleColumn("c1").append(run.c1());
        t.doubleColumn("c2").append(run.c2());
        t.doubleColumn("f1").append(run.f1());
        t.doubleColumn("f2").append(run.f2());
        flags(t, r, p);
        for (String k : payload) {
          t.doubleColumn(k).append(run.payload().getOrDefault(k, Double.NaN));
        }
      }
    }
    return t;
  }

  private static void flags(Table t, SearchResult r, ParetoPoint p) {
    t.booleanColumn("dominated").append(!r.front().contains(p));
    t.booleanColumn("knee_paper").append(p.equals(r.kneePaper()));
    t.booleanColumn("knee_chord").append(p.equals(r.kneeChord()));
  }

  /**
   * One row per weighting of a search with several seeds per weighting: {@code search, order, c1,
   * c2, seeds}, then for f1, f2 and every figure its mean (the column named as in pareto.csv) and
   * {@code <name>_ci_low}, {@code <name>_ci_high}, the 95% t interval over the seeds, cut to the
   * range in {@code ranges} ({@link MetricRanges}: accuracy to [0, 1], nonzeros to 0 and above);
   * {@code dominated} and the knee columns after f2, as in pareto.csv.
   */
  public static Table means(SearchResult r, Map<String, double[]> ranges) {
    Set<String> payload = payloadKeys(r);
    Table t =
        Table.create(
            "pareto-means",
            StringColumn.create("search"),
            IntColumn.create("order"),
            DoubleColumn.create("c1"),
            DoubleColumn.create("c2"),
            IntColumn.create("seeds"));
    interval(t, "f1");
    interval(t, "f2");
    t.addColumns(
        BooleanColumn.create("dominated"),
        BooleanColumn.create("knee_paper"),
        BooleanColumn.create("knee_chord"));
    payload.forEach(k -> interval(t, k));
    int order = 0;
    for (ParetoPoint p : r.evaluated()) {
      t.stringColumn("search").append(r.search());
      t.intColumn("order").append(++order);
      t.doubleColumn("c1").append(p.c1());
      t.doubleColumn("c2").append(p.c2());
      List<ParetoPoint> runs = p.seeds().isEmpty() ? List.of(p) : p.seeds();
      t.intColumn("seeds").append(runs.size());
      append(t, "f1", describe(runs, ParetoPoint::f1, "f1", ranges));
      append(t, "f2", describe(runs, ParetoPoint::f2, "f2", ranges));
      flags(t, r, p);
      for (String k : payload) {
        append(t, k, describe(runs, q -> q.payload().getOrDefault(k, Double.NaN), k, ranges));
      }
    }
    return t;
  }

  private static void interval(Table t, String name) {
    t.addColumns(
        DoubleColumn.create(name),
        DoubleColumn.create(name + "_ci_low"),
        DoubleColumn.create(name + "_ci_high"));
  }

  private static void append(Table t, String name, Descriptives d) {
    t.doubleColumn(name).append(d.mean());
    t.doubleColumn(name + "_ci_low").append(d.ciLow());
    t.doubleColumn(name + "_ci_high").append(d.ciHigh());
  }

  /** The mean and 95% t interval of one figure over a weighting's seeds. */
  public static Descriptives describe(
      List<ParetoPoint> runs,
      ToDoubleFunction<ParetoPoint> of,
      String name,
      Map<String, double[]> ranges) {
    return MetricRanges.cut(ranges, name, Descriptives.of(runs.stream().mapToDouble(of).toArray()));
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
    write(r, dir, knee, retrained, List.of(), Map.of());
  }

  /**
   * As {@link #write(SearchResult, Path, String, Map)} for a search whose weightings trained {@code
   * seeds} each: with more than one, pareto.csv has a row per seed, {@code pareto-means.csv} a row
   * per weighting (intervals cut to {@code ranges}), and pareto.json adds {@code seeds} and {@code
   * knee_interval}, the used knee's means and intervals.
   */
  public static void write(
      SearchResult r,
      Path dir,
      String knee,
      Map<String, Object> retrained,
      List<Long> seeds,
      Map<String, double[]> ranges)
      throws IOException {
    Files.createDirectories(dir);
    boolean seeded = seeded(r);
    AtomicFiles.write(dir.resolve("pareto.csv"), out -> table(r, seeds).write().csv(out));
    if (seeded) {
      AtomicFiles.write(dir.resolve(MEANS), out -> means(r, ranges).write().csv(out));
    } else {
      Files.deleteIfExists(dir.resolve(MEANS)); // left by a search of the same folder before
    }
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
    if (seeded) {
      o.set("seeds", json.valueToTree(seeds));
      ParetoPoint used = "paper".equals(knee) ? r.kneePaper() : r.kneeChord();
      if (used != null) {
        o.set("knee_interval", json.valueToTree(intervals(used, ranges)));
      }
    }
    if (retrained != null) {
      o.set("retrained", json.valueToTree(retrained));
    }
    AtomicFiles.writeString(dir.resolve("pareto.json"), json.writeValueAsString(o));
  }

  /**
   * {@code {f1: {n, mean, sd, ciLow, ciHigh}, f2: ..., <figure>: ...}} of a mean point over its
   * seeds.
   */
  public static Map<String, Descriptives> intervals(ParetoPoint p, Map<String, double[]> ranges) {
    List<ParetoPoint> runs = p.seeds().isEmpty() ? List.of(p) : p.seeds();
    Map<String, Descriptives> out = new LinkedHashMap<>();
    out.put("f1", describe(runs, ParetoPoint::f1, "f1", ranges));
    out.put("f2", describe(runs, ParetoPoint::f2, "f2", ranges));
    for (String k : p.payload().keySet()) {
      out.put(k, describe(runs, q -> q.payload().getOrDefault(k, Double.NaN), k, ranges));
    }
    return out;
  }
}
