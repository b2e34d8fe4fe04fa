package io.paretoprune.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** p-values against textbook examples (the values R's wilcox.test and t.test print). */
class SeedComparisonsTest {
  // Hollander & Wolfe (1973), p. 29: depression scale before (x) and after (y); R's ?wilcox.test
  static final double[] X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  static final double[] Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};
  // Student's sleep data (Cushny and Peebles), R's datasets::sleep
  static final double[] G1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  static final double[] G2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void exactWilcoxonSignedRankMatchesHollanderWolfe() {
    Comparison w = SeedComparisons.paired("m", "a", "b", X, Y).get(0);
    assertEquals("wilcoxon-signed-rank", w.test());
    assertEquals(40, w.statistic(), 1e-12); // V = 40
    assertEquals(0.0390625, w.p(), 1e-7); // exact two-sided p = 20/512
    assertEquals("", w.note());
  }

  @Test
  void pairedAndWelchTMatchTheSleepData() {
    Comparison paired = SeedComparisons.paired("m", "a", "b", G1, G2).get(1);
    assertEquals(-4.0621, paired.statistic(), 1e-4);
    assertEquals(0.002833, paired.p(), 1e-6);
    Comparison welch = SeedComparisons.unpaired("m", "a", "b", G1, G2).get(1);
    assertEquals(-1.8608, welch.statistic(), 1e-4);
    assertEquals(0.07939, welch.p(), 1e-5);
  }

  @Test
  void exactMannWhitneyWithoutTies() {
    Comparison u =
        SeedComparisons.unpaired(
                "m", "a", "b", new double[] {1, 2, 3, 4, 5}, new double[] {6, 7, 8, 9, 10})
            .get(0);
    assertEquals(0, u.statistic(), 1e-12);
    assertEquals(2.0 / 252, u.p(), 1e-12);
    assertEquals(-1, u.effectSize(), 1e-12);
  }

  @Test
  void fivePairsCannotReachSignificanceAndSaysSo() {
    double[] a = {0.99, 0.98, 0.985, 0.991, 0.987};
    double[] b = {0.97, 0.965, 0.975, 0.96, 0.968};
    Comparison w = SeedComparisons.paired("m", "a", "b", a, b).get(0);
    assertEquals(0.0625, w.p(), 1e-12);
    assertTrue(w.note().contains("cannot reach p < 0.05 with 5 pairs (min p = 0.0625)"), w.note());
    assertEquals(1.0, w.effectSize(), 1e-12);
  }

  @Test
  void degenerateDataGivesANoteNotAnException() {
    double[] same = {1, 2, 3};
    List<Comparison> c = SeedComparisons.paired("m", "a", "b", same, same);
    assertTrue(Double.isNaN(c.get(0).p()) && c.get(0).note().contains("all differences are zero"));
    assertTrue(Double.isNaN(c.get(1).p()) && c.get(1).note().contains("do not vary"));
    List<Comparison> one =
        SeedComparisons.paired("m", "a", "b", new double[] {1}, new double[] {2});
    assertTrue(one.get(0).note().contains("too few pairs"));
  }

  @Test
  void holmIsStepDownMonotoneAndCapped() {
    assertArrayEquals(
        new double[] {0.03, 0.06, 0.06}, Holm.adjust(new double[] {0.01, 0.04, 0.03}), 1e-12);
    assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.7}), 1e-12);
    double[] withNaN = Holm.adjust(new double[] {0.02, Double.NaN});
    assertEquals(0.02, withNaN[0], 1e-12);
    assertTrue(Double.isNaN(withNaN[1]));
  }

  @Test
  void descriptivesUseTheTDistribution() {
    Descriptives d = Descriptives.of(new double[] {1, 2, 3, 4, 5});
    assertEquals(3, d.mean(), 1e-12);
    assertEquals(Math.sqrt(2.5), d.sd(), 1e-12);
    assertEquals(3 - 2.776445 * Math.sqrt(2.5) / Math.sqrt(5), d.ciLow(), 1e-5);
  }

  @Test
  void seedStatisticsPairsBySeedAndExcludesDivergedRuns() {
    Table summary =
        Table.create(
            "summary",
            StringColumn.create("label", "A", "A", "A", "B", "B", "B", "C", "C"),
            LongColumn.create("seed", 1, 2, 3, 1, 2, 3, 1, 2),
            StringColumn.create(
                "status",
                "completed",
                "completed",
                "completed",
                "completed",
                "completed",
                "completed",
                "completed",
                "diverged"),
            DoubleColumn.create(
                "test_accuracy", 0.98, 0.97, 0.985, 0.95, 0.96, 0.955, 0.9, Double.NaN));
    SeedStatistics.Result r = SeedStatistics.compute(summary, List.of("test_accuracy"), "A");
    assertEquals(3, r.aggregate().rowCount());
    Table stats = r.stats();
    assertEquals(4, stats.rowCount());
    assertEquals("wilcoxon-signed-rank", stats.stringColumn("test").get(0));
    assertEquals("B", stats.stringColumn("label_b").get(0));
    assertEquals("mann-whitney-u", stats.stringColumn("test").get(2));
    assertTrue(stats.stringColumn("note").get(2).contains("1 diverged or failed run(s) left out"));
  }

  @Test
  void confidenceIntervalsAreCutToTheRangeOfTheirMetric() {
    // Counts 0, 0, 0, 10, 50: mean 12, sd 21.7, t(4) half-width 26.9, so the plain t interval
    // starts at -14.9; a count cannot be negative.
    Table summary =
        Table.create(
            "summary",
            StringColumn.create("label", "A", "A", "A", "A", "A"),
            LongColumn.create("seed", 1, 2, 3, 4, 5),
            StringColumn.create(
                "status", "completed", "completed", "completed", "completed", "completed"),
            DoubleColumn.create("dense_nonzeros", 0, 0, 0, 10, 50),
            DoubleColumn.create("test_accuracy", 0.999, 1.0, 0.99, 1.0, 0.97));
    List<String> metrics = List.of("dense_nonzeros", "test_accuracy");
    Table plain = SeedStatistics.compute(summary, metrics, null).aggregate();
    assertEquals(-14.92, plain.doubleColumn("ci_low").get(0), 0.01);
    assertTrue(plain.doubleColumn("ci_high").get(1) > 1);
    Table cut =
        SeedStatistics.compute(
                summary,
                metrics,
                java.util.Map.of(
                    "dense_nonzeros",
                    new double[] {0, Double.POSITIVE_INFINITY},
                    "test_accuracy",
                    new double[] {0, 1}),
                null)
            .aggregate();
    assertEquals(0, cut.doubleColumn("ci_low").get(0));
    assertEquals(plain.doubleColumn("ci_high").get(0), cut.doubleColumn("ci_high").get(0));
    assertEquals(12, cut.doubleColumn("mean").get(0), 1e-9);
    assertEquals(1, cut.doubleColumn("ci_high").get(1));
    assertEquals(plain.doubleColumn("ci_low").get(1), cut.doubleColumn("ci_low").get(1));
    Descriptives one = Descriptives.of(new double[] {3}).within(0, 1);
    assertTrue(Double.isNaN(one.ciLow()) && Double.isNaN(one.ciHigh()));
  }
}
