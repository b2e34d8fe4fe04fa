package io.paretoprune.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

class MetricSpecTest {
  static final MetricSpec WER =
      new MetricSpec("wer", "word error rate", false, 0, Double.POSITIVE_INFINITY);

  @Test
  void directionsColumnsAndMinimisedCoordinates() {
    MetricSpec acc = MetricSpec.ACCURACY;
    assertEquals("test_accuracy", acc.testColumn());
    assertEquals("train_accuracy", acc.trainColumn());
    assertEquals(0.02, acc.minimised(0.98), 1e-12);
    assertEquals(0, acc.worst());
    assertEquals(0.3, WER.minimised(0.3));
    assertEquals(Double.POSITIVE_INFINITY, WER.worst());
    // an unbounded best end: distances between minimised values still hold
    MetricSpec bleu = new MetricSpec("score", "score", true, 0, Double.POSITIVE_INFINITY);
    assertEquals(-2.0, bleu.minimised(2) - bleu.minimised(0), 1e-12);
  }

  @Test
  void badSpecsNameTheMetric() {
    assertThrows(IllegalArgumentException.class, () -> new MetricSpec("a b", "x", true, 0, 1));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> new MetricSpec("cer", "c", false, 1, 0));
    assertTrue(e.getMessage().contains("'cer'"), e.getMessage());
  }

  @Test
  void rangesFollowTheTasksMetrics() {
    assertArrayEquals(new double[] {0, 1}, MetricRanges.SUMMARY.get("test_accuracy"));
    Map<String, double[]> speech = MetricRanges.of(List.of(WER));
    assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY}, speech.get("test_wer"));
    assertFalse(speech.containsKey("test_accuracy"));
    assertArrayEquals(new double[] {0, 1}, speech.get("dense_sparsity"));
  }

  @Test
  void aFurtherTestSplitsColumnsTakeTheirMetricsRange() {
    assertEquals("test_real_wer", WER.testColumn("real"));
    Map<String, double[]> speech = MetricRanges.of(List.of(WER), List.of("flite", "real"));
    for (String c : List.of("test_wer", "test_flite_wer", "test_real_wer")) {
      assertArrayEquals(new double[] {0, Double.POSITIVE_INFINITY}, speech.get(c), c);
    }
    assertEquals(
        MetricRanges.of(List.of(WER)).keySet(), MetricRanges.of(List.of(WER), List.of()).keySet());
    Table summary =
        Table.create(
            StringColumn.create("label", "A", "A"),
            tech.tablesaw.api.LongColumn.create("seed", 1, 2),
            StringColumn.create("status", "completed", "completed"),
            DoubleColumn.create("test_real_wer", 0.05, 0.01));
    Table aggregate =
        SeedStatistics.compute(summary, List.of("test_real_wer"), speech, null).aggregate();
    assertEquals(0, aggregate.doubleColumn("ci_low").get(0), "cut to WER's lower end");
    assertEquals(0.03 + 0.254124, aggregate.doubleColumn("ci_high").get(0), 1e-5);
  }

  @Test
  void intervalsFromAggregateElseFromTheSummaryCutToTheRange() {
    Table summary =
        Table.create(
            StringColumn.create("label", "A", "A", "A"),
            StringColumn.create("status", "completed", "completed", "diverged"),
            DoubleColumn.create("test_wer", 0.05, 0.01, 9.0));
    // mean 0.03 +- 12.7062 * 0.02828 / sqrt 2 = 0.03 +- 0.2541: the lower end is cut to 0
    Descriptives d =
        new SeedIntervals(null, summary, MetricRanges.of(List.of(WER))).of("A", "test_wer");
    assertEquals(2, d.n());
    assertEquals(0.03, d.mean(), 1e-12);
    assertEquals(0, d.ciLow());
    assertEquals(0.03 + 0.254124, d.ciHigh(), 1e-5);
    Table aggregate =
        Table.create(
            StringColumn.create("label", "A"),
            StringColumn.create("metric", "test_wer"),
            tech.tablesaw.api.IntColumn.create("n", new int[] {2}),
            DoubleColumn.create("mean", 0.5),
            DoubleColumn.create("sd", 0.1),
            DoubleColumn.create("ci_low", 0.4),
            DoubleColumn.create("ci_high", 0.6));
    assertEquals(0.4, new SeedIntervals(aggregate, summary, Map.of()).of("A", "test_wer").ciLow());
  }
}
