package io.paretoprune.models.sparse;

import java.util.Arrays;

/**
 * Chooses between a reference (libtorch's dense kernel, or the network's own DJL head) and sparse
 * candidates from timings taken in alternating rounds, so that load on the machine cannot talk the
 * choice into a sparse kernel. A candidate replaces the reference only when
 *
 * <ul>
 *   <li>its median time per call over the rounds is at most the reference's median divided by
 *       {@link #MARGIN}, and
 *   <li>it was faster than the reference by that margin in at least half of the rounds, compared
 *       round by round (each round times every candidate in turn, so a round shares its load).
 * </ul>
 *
 * Otherwise the reference runs: in doubt, dense. Medians rather than the fastest block: a single
 * lucky block (the reference descheduled in every other) once chose a CSR kernel that then ran 5x
 * slower than libtorch (2 threads, batch 256, load 25 on 2 cores); the fastest blocks still give
 * the table's figures ({@link InterleavedTimer}).
 */
final class KernelChoice {
  /** How much faster a sparse candidate must be to be chosen over the reference. */
  static final double MARGIN = 1.2;

  private KernelChoice() {}

  /**
   * @param samples {@code samples[candidate][round]}: milliseconds per call
   * @param reference the index of the candidate that runs unless another clearly wins
   * @return the index to run
   */
  static int choose(double[][] samples, int reference) {
    double ref = median(samples[reference]);
    int best = reference;
    double bestMedian = ref;
    for (int c = 0; c < samples.length; c++) {
      if (c == reference) {
        continue;
      }
      double m = median(samples[c]);
      if (m * MARGIN <= ref && m < bestMedian && winsHalf(samples[c], samples[reference])) {
        best = c;
        bestMedian = m;
      }
    }
    return best;
  }

  /** Per candidate, its median milliseconds per call. */
  static double[] medians(double[][] samples) {
    return Arrays.stream(samples).mapToDouble(KernelChoice::median).toArray();
  }

  private static boolean winsHalf(double[] candidate, double[] reference) {
    int wins = 0;
    int rounds = Math.min(candidate.length, reference.length);
    for (int r = 0; r < rounds; r++) {
      if (candidate[r] * MARGIN <= reference[r]) {
        wins++;
      }
    }
    return 2 * wins >= rounds;
  }

  static double median(double[] values) {
    return InterleavedTimer.median(values);
  }
}
