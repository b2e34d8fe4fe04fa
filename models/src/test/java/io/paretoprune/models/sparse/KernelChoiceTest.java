package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class KernelChoiceTest {
  private static final int DENSE = 0;

  private static double[] rounds(double... ms) {
    return ms;
  }

  @Test
  void aSparseKernelClearlyFasterInMostRoundsIsChosen() {
    double[][] s = {rounds(1.0, 1.1, 0.9, 5.0, 1.0), rounds(0.4, 0.5, 0.4, 0.4, 3.0)};
    assertEquals(1, KernelChoice.choose(s, DENSE));
  }

  @Test
  void withinTheMarginDenseRuns() {
    // 10% faster by the median and in every round: not enough.
    double[][] s = {rounds(1.0, 1.0, 1.0, 1.0, 1.0), rounds(0.9, 0.9, 0.9, 0.9, 0.9)};
    assertEquals(DENSE, KernelChoice.choose(s, DENSE));
  }

  /**
   * The failure seen under load: the reference descheduled in most rounds made the sparse kernel's
   * fastest block look 12x faster, though by the medians dense is faster. The old rule (fastest
   * block) chose sparse; the medians do not.
   */
  @Test
  void oneLuckyBlockDoesNotChooseSparse() {
    double[][] s = {rounds(0.65, 0.6, 37.0, 0.7, 0.66), rounds(3.1, 0.05, 3.3, 3.2, 3.0)};
    int byFastestBlock = Arrays.stream(s[0]).min().getAsDouble() < 0.05 ? DENSE : 1;
    assertEquals(1, byFastestBlock);
    assertEquals(DENSE, KernelChoice.choose(s, DENSE));
  }

  @Test
  void aMedianWinThatLosesMostRoundsIsDoubtAndDenseRuns() {
    // Median 3 against 4 (past the margin), but faster by the margin in only 2 of 5 rounds.
    double[][] s = {rounds(2, 5, 4, 3, 4), rounds(3, 1, 4, 5, 1)};
    assertEquals(DENSE, KernelChoice.choose(s, DENSE));
  }

  @Test
  void ofSeveralWinnersTheLowestMedianRuns() {
    double[][] s = {
      rounds(0.5, 0.5, 0.5), rounds(4, 4, 4), rounds(2, 2, 2), rounds(1, 1.5, 1.2),
    };
    assertEquals(0, KernelChoice.choose(s, 1));
    assertEquals(1.2, KernelChoice.medians(s)[3]);
    assertEquals(1.25, KernelChoice.median(new double[] {2, 1, 1.5, 1}));
  }
}
