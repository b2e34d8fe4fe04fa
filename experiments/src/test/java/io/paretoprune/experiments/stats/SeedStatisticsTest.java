package io.paretoprune.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

class SeedStatisticsTest {

  /** A summary.csv-shaped table: label, seed, status, test_accuracy, dense_nonzeros. */
  private static Table summary() {
    return Table.create(
        "summary.csv",
        StringColumn.create("label"),
        IntColumn.create("seed"),
        StringColumn.create("status"),
        DoubleColumn.create("test_accuracy"),
        DoubleColumn.create("dense_nonzeros"));
  }

  private static void run(Table t, String label, int seed, String status, double acc, double nz) {
    t.stringColumn("label").append(label);
    t.intColumn("seed").append(seed);
    t.stringColumn("status").append(status);
    t.doubleColumn("test_accuracy").append(acc);
    t.doubleColumn("dense_nonzeros").append(nz);
  }

  /** smgd beats sgd on every one of 5 seeds; adam diverged once; "late" ran other seeds. */
  private static Table fiveSeeds() {
    Table t = summary();
    for (int s = 1; s <= 5; s++) {
      run(t, "sgd", s, "completed", 0.980 + 0.001 * s, 3000 + 10 * s);
      run(t, "smgd", s, "completed", 0.985 + 0.0011 * s, 2500 + 7 * s);
      run(t, "adam", s, s == 3 ? "diverged" : "completed", 0.979 + 0.0013 * s, 2800 - 5 * s);
      run(t, "late", s + 5, "completed", 0.97 + 0.002 * s, 4000 + s);
    }
    return t;
  }

  private static Row find(Table stats, String metric, String a, String test) {
    for (Row r : stats) {
      if (r.getString("metric").equals(metric)
          && r.getString("label_a").equals(a)
          && r.getString("test").equals(test)) {
        return r;
      }
    }
    throw new AssertionError("no row " + metric + "/" + a + "/" + test);
  }

  @Test
  void fiveSeedsCannotReachSignificanceAndSaySo() {
    SeedStatisticsResult r =
        SeedStatistics.analyze(fiveSeeds(), List.of("test_accuracy", "dense_nonzeros"), "sgd");
    Row w = find(r.stats(), "test_accuracy", "smgd", TestResult.WILCOXON);
    assertEquals("sgd", w.getString("label_b"));
    assertEquals(5, w.getInt("n"));
    assertEquals(15, w.getDouble("statistic"), 0);
    assertEquals(0.0625, w.getDouble("p"), 1e-12);
    assertEquals(1.0, w.getDouble("effect_size"), 1e-12);
    assertFalse(w.getBoolean("significant"));
    assertTrue(
        w.getString("note").startsWith("cannot reach p < 0.05 with 5 pairs (min p = 0.0625)"),
        w.getString("note"));
    Row nz = find(r.stats(), "dense_nonzeros", "smgd", TestResult.WILCOXON);
    assertEquals(-1.0, nz.getDouble("effect_size"), 1e-12);
  }

  @Test
  void divergedRunsAreExcludedAndPairingDropsTheirSeed() {
    SeedStatisticsResult r = SeedStatistics.analyze(fiveSeeds(), List.of("test_accuracy"), "sgd");
    Row w = find(r.stats(), "test_accuracy", "adam", TestResult.WILCOXON);
    assertEquals(4, w.getInt("n"));
    String note = w.getString("note");
    assertTrue(
        note.contains("paired on 4 of 5 seeds (no value on both sides for seed(s) 3)"), note);
    assertTrue(note.contains("adam: 1 diverged excluded"), note);
    Row agg = r.aggregate().where(r.aggregate().stringColumn("label").isEqualTo("adam")).row(0);
    assertEquals(4, agg.getInt("n"));
    assertEquals(1, agg.getInt("excluded"));
  }

  @Test
  void differentSeedsGiveUnpairedTests() {
    SeedStatisticsResult r = SeedStatistics.analyze(fiveSeeds(), List.of("test_accuracy"), "sgd");
    Row u = find(r.stats(), "test_accuracy", "late", TestResult.MANN_WHITNEY);
    assertEquals(10, u.getInt("n"));
    assertEquals(5, u.getInt("n_a"));
    assertEquals(5, u.getInt("n_b"));
    assertTrue(u.getString("note").contains("seed sets differ: unpaired tests"));
    Row welch = find(r.stats(), "test_accuracy", "late", TestResult.WELCH_T);
    assertEquals("hedges_g", welch.getString("effect_name"));
  }

  @Test
  void holmRunsPerMetricAndTestFamily() {
    SeedStatisticsResult r = SeedStatistics.analyze(fiveSeeds(), List.of("test_accuracy"), "sgd");
    Table t =
        r.stats()
            .where(r.stats().stringColumn("test").isIn(TestResult.PAIRED_T, TestResult.WELCH_T));
    assertEquals(3, t.rowCount()); // smgd, adam, late against sgd
    double[] p = t.doubleColumn("p").asDoubleArray();
    double[] holm = Holm.adjust(p);
    for (int i = 0; i < p.length; i++) {
      assertEquals(holm[i], t.doubleColumn("p_holm").getDouble(i), 1e-15);
      assertEquals(holm[i] < 0.05, t.booleanColumn("significant").get(i));
    }
  }

  @Test
  void holmFloorIsReportedWhenTheRawFloorIsNot() {
    // 6 pairs: min p = 0.03125 < 0.05, but over 3 comparisons Holm needs 3 * 0.03125 = 0.09375.
    Table t = summary();
    for (int s = 1; s <= 6; s++) {
      run(t, "base", s, "completed", 0.90, 100);
      run(t, "a", s, "completed", 0.91 + 0.001 * s, 90);
      run(t, "b", s, "completed", 0.92 + 0.001 * s, 80);
      run(t, "c", s, "completed", 0.93 + 0.001 * s, 70);
    }
    SeedStatisticsResult r = SeedStatistics.analyze(t, List.of("test_accuracy"), "base");
    Row w = find(r.stats(), "test_accuracy", "a", TestResult.WILCOXON);
    assertEquals(0.03125, w.getDouble("p"), 1e-12);
    assertEquals(0.09375, w.getDouble("p_holm"), 1e-12);
    assertTrue(
        w.getString("note")
            .startsWith(
                "cannot reach Holm-adjusted p < 0.05 with 6 pairs over 3 comparisons"
                    + " (min p = 0.03125, times 3 = 0.09375)"),
        w.getString("note"));
  }

  @Test
  void allPairsWithoutBaselineAndIdenticalRunsGiveANoteAndEmptySignificance() {
    Table t = summary();
    for (int s = 1; s <= 3; s++) {
      run(t, "x", s, "completed", 0.9, 10);
      run(t, "y", s, "completed", 0.9, 10);
      run(t, "z", s, "completed", 0.8 + 0.01 * s, 12);
    }
    SeedStatisticsResult r = SeedStatistics.analyze(t, List.of("test_accuracy"), null);
    assertEquals(3 * 2, r.stats().rowCount()); // (x,y), (x,z), (y,z) times two tests
    Row same = find(r.stats(), "test_accuracy", "x", TestResult.WILCOXON);
    assertEquals("y", same.getString("label_b"));
    assertTrue(Double.isNaN(same.getDouble("p")));
    assertTrue(r.stats().booleanColumn("significant").isMissing(same.getRowNumber()));
    assertTrue(same.getString("note").startsWith("all 3 differences are zero"));
  }

  @Test
  void writesBothCsvFiles(@TempDir Path dir) throws Exception {
    Table t = summary();
    run(t, "x", 1, "completed", 0.9, 10);
    run(t, "y", 1, "completed", 0.8, 12);
    SeedStatisticsResult r = SeedStatistics.analyze(t, List.of("test_accuracy"), "y");
    StatisticsCsv.write(r, dir.resolve("out"));
    List<String> stats = Files.readAllLines(dir.resolve("out").resolve(StatisticsCsv.STATS_FILE));
    assertEquals(
        "metric,label_a,label_b,test,n,statistic,p,p_holm,effect_size,effect_name,significant,"
            + "note,n_a,n_b,min_p",
        stats.get(0));
    assertTrue(
        stats.get(1).startsWith("test_accuracy,x,y,wilcoxon_signed_rank,1,,,,,rank_biserial,,"),
        stats.get(1));
    Table aggregate =
        Table.read().csv(dir.resolve("out").resolve(StatisticsCsv.AGGREGATE_FILE).toFile());
    assertEquals(2, aggregate.rowCount());
    assertTrue(aggregate.row(0).getString("note").startsWith("n = 1"));
  }

  @Test
  void readsASummaryCsvAsTablesawParsesIt() throws Exception {
    String csv =
        "run_id,label,seed,status,test_accuracy,dense_nonzeros,test_f1\n"
            + "r1,smgd,1,completed,0.9891,2577,0.035\n"
            + "r2,smgd,2,completed,0.9885,2601,0.036\n"
            + "r3,smgd,3,diverged,,,\n"
            + "r4,sgd,1,completed,0.9870,3100,0.041\n"
            + "r5,sgd,2,completed,0.9866,3050,0.043\n"
            + "r6,sgd,3,completed,0.9869,3080,0.040\n";
    Table t =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(new StringReader(csv)).tableName("summary.csv").build());
    SeedStatisticsResult r =
        SeedStatistics.analyze(t, List.of("test_accuracy", "dense_nonzeros", "test_f1"), "sgd");
    assertEquals(3 * 2, r.aggregate().rowCount());
    Row w = find(r.stats(), "dense_nonzeros", "smgd", TestResult.WILCOXON);
    assertEquals(2, w.getInt("n"));
    assertEquals(0.5, w.getDouble("p"), 1e-12); // 2 pairs: min p = 2 / 4
    assertTrue(w.getString("note").contains("smgd: 1 diverged excluded"), w.getString("note"));
  }

  @Test
  void badTablesAndSettingsGiveClearErrors() {
    Table noStatus = fiveSeeds().removeColumns("status");
    SummaryFormatException e =
        assertThrows(
            SummaryFormatException.class,
            () -> SeedStatistics.analyze(noStatus, List.of("test_accuracy"), null));
    assertTrue(
        e.getMessage().startsWith("summary table 'summary.csv': no column 'status'"),
        e.getMessage());
    e =
        assertThrows(
            SummaryFormatException.class,
            () -> SeedStatistics.analyze(fiveSeeds(), List.of("test_f1"), null));
    assertTrue(e.getMessage().contains("no column 'test_f1'"), e.getMessage());
    e =
        assertThrows(
            SummaryFormatException.class,
            () -> SeedStatistics.analyze(fiveSeeds(), List.of("status"), null));
    assertTrue(e.getMessage().contains("column 'status' must be numeric"), e.getMessage());
    Table twice = fiveSeeds();
    run(twice, "sgd", 1, "completed", 0.5, 1);
    e =
        assertThrows(
            SummaryFormatException.class,
            () -> SeedStatistics.analyze(twice, List.of("test_accuracy"), null));
    assertTrue(e.getMessage().contains("label 'sgd' has two completed runs with seed 1"));
    ConfigException c =
        assertThrows(
            ConfigException.class,
            () -> SeedStatistics.analyze(fiveSeeds(), List.of("test_accuracy"), "nope"));
    assertEquals("baseline", c.key());
    assertEquals(
        "metrics",
        assertThrows(ConfigException.class, () -> SeedStatistics.builder().build()).key());
    assertEquals(
        "alpha",
        assertThrows(
                ConfigException.class,
                () -> SeedStatistics.builder().setMetrics(List.of("m")).optAlpha(5).build())
            .key());
    assertEquals(
        "confidence",
        assertThrows(
                ConfigException.class,
                () -> SeedStatistics.builder().setMetrics(List.of("m")).optConfidence(0).build())
            .key());
  }
}
