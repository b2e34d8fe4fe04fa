package io.paretoprune.experiments.stats;

/**
 * Exact null distributions by brute-force enumeration, used by the tests as an independent check of
 * the library's exact p-values (no ranking shortcuts, no recursion formulas).
 */
final class ExactDistributions {
  private ExactDistributions() {}

  /**
   * Two-sided exact p of the signed-rank statistic for distinct ranks 1..n: the share of the 2^n
   * sign assignments whose W+ is at least as far from n(n+1)/4 as the observed one.
   */
  static double signedRankTwoSided(int n, double observedWPlus) {
    double mean = n * (n + 1) / 4.0;
    double observed = Math.abs(observedWPlus - mean);
    long extreme = 0;
    for (long mask = 0; mask < (1L << n); mask++) {
      int w = 0;
      for (int j = 0; j < n; j++) {
        if ((mask >> j & 1) == 1) {
          w += j + 1;
        }
      }
      if (Math.abs(w - mean) >= observed - 1e-9) {
        extreme++;
      }
    }
    return (double) extreme / (1L << n);
  }

  /**
   * Two-sided exact p of Mann-Whitney U for samples of sizes m and n without ties: over all C(m +
   * n, m) ways to give m of the ranks 1..m+n to the first sample, the share whose U is at least as
   * far from mn/2 as the observed one.
   */
  static double mannWhitneyTwoSided(int m, int n, double observedU) {
    int total = m + n;
    double mean = m * (double) n / 2;
    double observed = Math.abs(observedU - mean);
    long extreme = 0;
    long count = 0;
    for (long mask = 0; mask < (1L << total); mask++) {
      if (Long.bitCount(mask) != m) {
        continue;
      }
      int rankSum = 0;
      for (int j = 0; j < total; j++) {
        if ((mask >> j & 1) == 1) {
          rankSum += j + 1;
        }
      }
      double u = rankSum - m * (m + 1) / 2.0;
      count++;
      if (Math.abs(u - mean) >= observed - 1e-9) {
        extreme++;
      }
    }
    return (double) extreme / count;
  }
}
