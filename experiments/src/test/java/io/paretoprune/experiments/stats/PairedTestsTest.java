package io.paretoprune.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class PairedTestsTest {
  // Hollander & Wolfe (1999), Nonparametric Statistical Methods, 2nd ed., Example 3.1 (p. 39):
  // Hamilton depression scale factor IV before (x) and after (y) tranquilizer, 9 patients.
  // Also the example of R's ?wilcox.test, which prints V = 40, one-sided p = 0.01953.
  private static final double[] HW_X = {1.83, 0.50, 1.62, 2.48, 1.68, 1.88, 1.55, 3.06, 1.30};
  private static final double[] HW_Y = {0.878, 0.647, 0.598, 2.05, 1.06, 1.29, 1.06, 3.14, 1.29};

  // Student (1908) sleep data, as R's `sleep`: extra hours of sleep with drug 1 and drug 2,
  // same 10 patients.
  static final double[] SLEEP_1 = {0.7, -1.6, -0.2, -1.2, -0.1, 3.4, 3.7, 0.8, 0.0, 2.0};
  static final double[] SLEEP_2 = {1.9, 0.8, 1.1, 0.1, -0.1, 4.4, 5.5, 1.6, 4.6, 3.4};

  @Test
  void wilcoxonMatchesHollanderWolfeAndEnumeration() {
    TestResult r = PairedTests.wilcoxon(HW_X, HW_Y);
    assertEquals(40, r.statistic(), 0); // negative differences have ranks 2 and 3: W- = 5
    // Two-sided: twice R's one-sided 0.01953 = 20 / 512.
    assertEquals(20.0 / 512, r.p(), 1e-12);
    assertEquals(ExactDistributions.signedRankTwoSided(9, 40), r.p(), 1e-12);
    assertTrue(r.exact());
    assertEquals((40 - 5) / 45.0, r.effectSize(), 1e-12);
    assertEquals("rank_biserial", r.effectName());
    assertEquals(2.0 / 512, r.minP(), 1e-12);
  }

  @Test
  void wilcoxonMinimumPWithFivePairsIsOneSixteenth() {
    TestResult r = PairedTests.wilcoxon(new double[] {3, 4, 5, 6, 7}, new double[] {1, 1, 1, 1, 1});
    assertEquals(0.0625, r.p(), 1e-12);
    assertEquals(0.0625, r.minP(), 1e-12);
    assertEquals(1.0, r.effectSize(), 1e-12);
    TestResult six = PairedTests.wilcoxon(new double[] {1, 2, 3, 4, 5, 6}, new double[6]);
    assertEquals(0.03125, six.minP(), 1e-12);
  }

  @Test
  void minimumPOfTheExactTestHalvesWithEveryPair() {
    assertEquals(1.0, PairedTests.minimumP(1), 0);
    assertEquals(0.0625, PairedTests.minimumP(5), 1e-12);
    assertEquals(0.03125, PairedTests.minimumP(6), 1e-12);
    assertEquals(2.0 / 1024, PairedTests.minimumP(10), 1e-12);
  }

  @Test
  void wilcoxonBalancedRankSumsGiveOneNotMore() {
    // W+ = W- = 3: Commons Math 3.6.1 returns 1.25 here (2 * P(W >= 3) with 5 of 8 outcomes).
    TestResult r = PairedTests.wilcoxon(new double[] {1, 2, -3}, new double[3]);
    assertEquals(1.0, r.p(), 1e-12);
    assertEquals(ExactDistributions.signedRankTwoSided(3, 3), r.p(), 1e-12);
    assertEquals(0.0, r.effectSize(), 1e-12);
  }

  @Test
  void wilcoxonAgreesWithEnumerationOnAMixedCase() {
    double[] z = {0.3, -1.1, 2.5, 0.7, -0.2, 1.9, 3.1}; // ranks 2,4(-),6,3,1(-),5,7: W+ = 23
    TestResult r = PairedTests.wilcoxon(z, new double[z.length]);
    assertEquals(23, r.statistic(), 0);
    assertEquals(ExactDistributions.signedRankTwoSided(7, 23), r.p(), 1e-12);
  }

  @Test
  void wilcoxonTiesAndZerosFallBackToTheApproximationAndSaySo() {
    TestResult ties = PairedTests.wilcoxon(new double[] {1, 1, 3, 4, 5}, new double[5]);
    assertFalse(ties.exact());
    assertTrue(ties.note().contains("normal approximation"), ties.note());
    TestResult zeros = PairedTests.wilcoxon(new double[] {0, 2, 3, 4, 5}, new double[5]);
    assertFalse(zeros.exact());
    assertTrue(zeros.note().startsWith("1 zero difference"), zeros.note());
    // Zero takes rank 1 and is left out: W+ = 14 of the 14 non-zero ranks.
    assertEquals(14, zeros.statistic(), 0);
    assertEquals(1.0, zeros.effectSize(), 1e-12);
  }

  @Test
  void wilcoxonDegenerateInputsGiveNotesNotExceptions() {
    TestResult zero = PairedTests.wilcoxon(new double[] {1, 2, 3}, new double[] {1, 2, 3});
    assertFalse(zero.hasP());
    assertEquals("all 3 differences are zero: the labels agree on every seed", zero.note());
    TestResult one = PairedTests.wilcoxon(new double[] {1}, new double[] {0});
    assertFalse(one.hasP());
    assertTrue(one.note().contains("at least 2"), one.note());
  }

  @Test
  void pairedTMatchesRsSleepExample() {
    // R: t.test(extra ~ group, data = sleep, paired = TRUE): t = -4.0621, df = 9, p = 0.002833.
    TestResult r = PairedTests.pairedT(SLEEP_1, SLEEP_2);
    assertEquals(-4.0621, r.statistic(), 1e-4);
    assertEquals(0.002833, r.p(), 1e-6);
    // d_z = mean diff / sd diff = -1.58 / 1.229995; and t = d_z * sqrt(n).
    assertEquals(-1.58 / 1.229995, r.effectSize(), 1e-5);
    assertEquals(r.statistic(), r.effectSize() * Math.sqrt(10), 1e-9);
    assertEquals("cohens_dz", r.effectName());
    assertTrue(Double.isNaN(r.minP()));
  }

  @Test
  void pairedTDegenerateInputsGiveNotes() {
    TestResult constant = PairedTests.pairedT(new double[] {2, 3, 4}, new double[] {1, 2, 3});
    assertFalse(constant.hasP());
    assertTrue(constant.note().contains("zero variance"), constant.note());
    TestResult zero = PairedTests.pairedT(new double[] {2, 3}, new double[] {2, 3});
    assertTrue(zero.note().startsWith("all 2 differences are zero"), zero.note());
  }

  @Test
  void decimalNoiseInDifferencesDoesNotBreakTiesOrZeros() {
    double[] z =
        PairedTests.differences(
            new double[] {0.9891, 0.9874, 0.1 + 0.2}, new double[] {0.9888, 0.9871, 0.3});
    assertTrue(0.9891 - 0.9888 != 0.9874 - 0.9871); // the noise this guards against
    assertEquals(z[0], z[1], 0);
    assertEquals(0.0, z[2], 0);
    TestResult r =
        PairedTests.wilcoxon(
            new double[] {0.9891, 0.9874, 0.9850, 0.9900, 0.9861},
            new double[] {0.9888, 0.9871, 0.9840, 0.9880, 0.9851});
    assertFalse(r.exact());
    assertTrue(r.note().contains("tied differences"), r.note());
  }
}
