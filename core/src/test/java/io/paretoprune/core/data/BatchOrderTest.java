package io.paretoprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.engine.Seeds;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class BatchOrderTest {
  private static int[] lengths(int n, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    int[] l = new int[n];
    for (int i = 0; i < n; i++) {
      l[i] = 1 + r.nextInt(200);
    }
    return l;
  }

  @Test
  void shuffledIsTheSeededPermutation() {
    assertArrayEquals(
        Seeds.permutation(100, new SplittableRandom(3)),
        BatchOrder.SHUFFLED.epoch(100, 8, null, new SplittableRandom(3)));
  }

  @Test
  void byLengthDealsEveryExampleOnceInBatchesOfNeighboursInLength() {
    int n = 103;
    int b = 8;
    int[] len = lengths(n, 1);
    long[] order = BatchOrder.BY_LENGTH.epoch(n, b, len, new SplittableRandom(5));
    assertEquals(n, order.length);
    assertEquals(n, Arrays.stream(order).distinct().count(), "a permutation");
    // The full batches, each sorted run of the kept examples: no two batches overlap in length
    // beyond a shared end point, so sorting the batches by their shortest puts them end to end.
    int batches = n / b;
    int[][] ranges = new int[batches][];
    for (int s = 0; s < batches; s++) {
      int lo = Integer.MAX_VALUE;
      int hi = 0;
      for (int j = 0; j < b; j++) {
        int l = len[(int) order[s * b + j]];
        lo = Math.min(lo, l);
        hi = Math.max(hi, l);
      }
      ranges[s] = new int[] {lo, hi};
    }
    int[][] sorted = ranges.clone();
    Arrays.sort(sorted, (x, y) -> x[0] != y[0] ? Integer.compare(x[0], y[0]) : x[1] - y[1]);
    for (int s = 1; s < batches; s++) {
      assertTrue(
          sorted[s - 1][1] <= sorted[s][0], "batches overlap: " + Arrays.deepToString(sorted));
    }
    // Their order is not ascending: dealt at random.
    boolean ascending = true;
    for (int s = 1; s < batches; s++) {
      ascending &= ranges[s - 1][0] <= ranges[s][0];
    }
    assertFalse(ascending, "batches dealt in a random order");
  }

  @Test
  void byLengthLeavesOutRandomExamplesAndDependsOnTheSeedOnly() {
    int n = 50;
    int[] len = lengths(n, 2);
    Set<Long> leftOut = new HashSet<>();
    for (long seed = 0; seed < 20; seed++) {
      long[] a = BatchOrder.BY_LENGTH.epoch(n, 8, len, new SplittableRandom(seed));
      assertArrayEquals(a, BatchOrder.BY_LENGTH.epoch(n, 8, len, new SplittableRandom(seed)));
      for (int i = 48; i < 50; i++) {
        leftOut.add(a[i]);
      }
    }
    assertTrue(leftOut.size() > 10, "the left-out examples vary: " + leftOut);
  }

  @Test
  void byLengthWithoutLengthsIsRefused() {
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () -> BatchOrder.BY_LENGTH.epoch(10, 2, null, new SplittableRandom(1)));
    assertTrue(e.getMessage().contains("by_length"), e.getMessage());
  }

  @Test
  void keysNameTheOrders() {
    assertEquals(BatchOrder.BY_LENGTH, BatchOrder.byKey("by_length"));
    assertEquals(BatchOrder.SHUFFLED, BatchOrder.byKey("shuffled"));
    assertEquals(null, BatchOrder.byKey("sorted"));
  }
}
