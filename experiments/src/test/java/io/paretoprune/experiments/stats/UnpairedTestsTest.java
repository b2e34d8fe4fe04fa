package io.paretoprune.experiments.stats;

import static io.paretoprune.experiments.stats.PairedTestsTest.SLEEP_1;
import static io.paretoprune.experiments.stats.PairedTestsTest.SLEEP_2;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class UnpairedTestsTest {

  @Test
  void welchMatchesRsSleepExample() {
    // R: t.test(extra ~ group, data = sleep) (Welch): t = -1.8608, df = 17.776, p = 0.07939.
    TestResult r = UnpairedTests.welch(SLEEP_1, SLEEP_2);
    assertEquals(-1.8608, r.statistic(), 1e-4);
    assertEquals(0.07939, r.p(), 1e-5);
    // Hand computation: means 0.75 and 2.33, variances 3.200556 and 4.009, pooled sd 1.898625,
    // d = -1.58 / 1.898625 = -0.83218, J = 1 - 3 / 71, g = -0.79702.
    assertEquals(-0.79702, r.effectSize(), 1e-4);
    assertEquals("hedges_g", r.effectName());
  }

  @Test
  void mannWhitneyExactMatchesEnumeration() {
    double[] a = {1.1, 3.3, 4.4, 6.6};
    double[] b = {2.2, 5.5, 7.7, 8.8, 9.9};
    TestResult r = UnpairedTests.mannWhitney(a, b);
    assertEquals(4, r.statistic(), 0); // pairs with a > b: 0 + 1 + 1 + 2
    assertTrue(r.exact());
    assertEquals(ExactDistributions.mannWhitneyTwoSided(4, 5, 4), r.p(), 1e-12);
    assertEquals(2 * 4 / 20.0 - 1, r.effectSize(), 1e-12);
    assertEquals(2.0 / 126, r.minP(), 1e-12); // C(9, 4) = 126
  }

  @Test
  void mannWhitneyMinimumPForThreeVersusThree() {
    TestResult r = UnpairedTests.mannWhitney(new double[] {1, 2, 3}, new double[] {4, 5, 6});
    assertEquals(0, r.statistic(), 0);
    assertEquals(0.1, r.p(), 1e-12); // 2 / C(6, 3)
    assertEquals(0.1, r.minP(), 1e-12);
    assertEquals(-1, r.effectSize(), 1e-12);
  }

  @Test
  void mannWhitneyWithTiesMatchesRAndSaysItIsApproximate() {
    // R: wilcox.test(extra ~ group, data = sleep): W = 25.5, p-value = 0.06933 (with ties).
    TestResult r = UnpairedTests.mannWhitney(SLEEP_1, SLEEP_2);
    assertEquals(25.5, r.statistic(), 0);
    assertEquals(0.06933, r.p(), 1e-5);
    assertFalse(r.exact());
    assertTrue(r.note().startsWith("tied values"), r.note());
  }

  @Test
  void degenerateInputsGiveNotes() {
    TestResult small = UnpairedTests.welch(new double[] {1}, new double[] {2, 3});
    assertFalse(small.hasP());
    assertEquals("1 vs 2 runs: Welch needs 2 runs per label", small.note());
    TestResult flat = UnpairedTests.welch(new double[] {1, 1}, new double[] {2, 2});
    assertEquals("both labels have zero variance: t undefined", flat.note());
    TestResult equal = UnpairedTests.mannWhitney(new double[] {1, 1}, new double[] {1});
    assertEquals("all 3 values are equal", equal.note());
    TestResult empty = UnpairedTests.mannWhitney(new double[0], new double[] {1});
    assertFalse(empty.hasP());
  }
}
