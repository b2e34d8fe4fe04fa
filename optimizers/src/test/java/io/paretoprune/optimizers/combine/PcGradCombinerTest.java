package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.combine;
import static io.paretoprune.optimizers.combine.Vectors.dot;
import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.plus;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.seam.CombinerInput;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** PCGrad against the projections carried out on explicit vectors. */
class PcGradCombinerTest {
  private static double[] weights(PcGradCombiner c, double[][] g, long step) {
    return c.weights(new CombinerInput(gram(g), null, step, 1));
  }

  /** The paper's procedure on vectors, with the other tasks visited in {@code orders[i]}. */
  private static double[] literal(double[][] g, int[][] orders) {
    double[] d = new double[g[0].length];
    for (int i = 0; i < g.length; i++) {
      double[] gi = g[i].clone();
      for (int j : orders[i]) {
        double inner = dot(gi, g[j]);
        if (inner < 0) {
          gi = plus(gi, -inner / dot(g[j], g[j]), g[j]);
        }
      }
      d = plus(d, 1, gi);
    }
    return d;
  }

  @Test
  void twoConflictingGradientsHandComputed() {
    // g1 = (1,0), g2 = (-1,1): g1' = g1 + g2/2 = (.5,.5), g2' = g2 + g1 = (0,1), d = (.5,1.5)
    // = 2 g1 + 1.5 g2.
    double[][] g = {v(1, 0), v(-1, 1)};
    double[] c = weights(new PcGradCombiner(), g, 1);
    assertArrayEquals(new double[] {2, 1.5}, c, 1e-15);
    assertArrayEquals(new double[] {0.5, 1.5}, combine(c, g), 1e-15);
  }

  @Test
  void alignedGradientsAreSummedUntouched() {
    double[][] g = {v(1, 0, 2), v(1, 1, 0)};
    assertArrayEquals(new double[] {1, 1}, weights(new PcGradCombiner(), g, 7), 0);
    double[][] three = {v(1, 0, 0), v(1, 1, 0), v(0, 1, 1)};
    assertArrayEquals(new double[] {1, 1, 1}, weights(new PcGradCombiner(), three, 7), 0);
  }

  @Test
  void aZeroGradientIsNeverProjectedOn() {
    double[][] g = {v(1, 2), v(0, 0)};
    assertArrayEquals(new double[] {1, 1}, weights(new PcGradCombiner(), g, 1), 0);
    double[][] three = {v(1, 0), v(0, 0), v(-1, 1)};
    double[] c = weights(new PcGradCombiner(3), three, 5);
    assertArrayEquals(literal(three, new int[][] {{2}, {}, {0}}), combine(c, three), 1e-14);
  }

  @Test
  void threeConflictingGradientsFollowTheLiteralProjectionsInTheDrawnOrder() {
    // Order matters here: g1 conflicts with g2 and g3, and the result depends on which comes first.
    double[][] g = {v(1, 0, 0), v(-1, 1, 0), v(-1, -2, 1)};
    PcGradCombiner pc = new PcGradCombiner(11);
    Set<String> seen = new HashSet<>();
    for (long step = 1; step <= 40; step++) {
      int[][] orders = new int[3][];
      for (int i = 0; i < 3; i++) {
        orders[i] = pc.order(3, i, step);
        int[] sorted = orders[i].clone();
        Arrays.sort(sorted);
        final int me = i;
        int[] others = java.util.stream.IntStream.range(0, 3).filter(j -> j != me).toArray();
        assertArrayEquals(others, sorted, "a permutation of the other objectives");
      }
      double[] d = combine(weights(pc, g, step), g);
      assertArrayEquals(literal(g, orders), d, 1e-13);
      seen.add(Arrays.toString(d));
    }
    assertTrue(seen.size() > 1, "the random order changes the result: " + seen);
    // Both orders of g1's projections give different vectors on these gradients.
    assertFalse(
        Arrays.equals(
            literal(g, new int[][] {{1, 2}, {0, 2}, {0, 1}}),
            literal(g, new int[][] {{2, 1}, {0, 2}, {0, 1}})));
  }

  @Test
  void ordersDependOnlyOnSeedAndStepSoAResumedRunRepeatsThem() {
    PcGradCombiner a = new PcGradCombiner(5);
    PcGradCombiner b = new PcGradCombiner(5);
    double[][] g = {v(1, 0, 0), v(-1, 1, 0), v(-1, -2, 1), v(0.5, -1, -1)};
    // a has taken 100 steps, b starts at step 101 as after a resume: the same weights.
    for (long s = 1; s <= 100; s++) {
      weights(a, g, s);
    }
    for (long s = 101; s <= 110; s++) {
      assertArrayEquals(weights(a, g, s), weights(b, g, s), 0);
    }
    assertNull(a.saveState(), "no state to checkpoint");
    boolean differs = false;
    for (long s = 1; s <= 20 && !differs; s++) {
      differs =
          !Arrays.equals(
              new PcGradCombiner(5).order(4, 0, s), new PcGradCombiner(6).order(4, 0, s));
    }
    assertTrue(differs, "another seed draws other orders");
    assertEquals(2, a.order(3, 1, 1).length);
  }

  @Test
  void everyWeightIsAtLeastOne() {
    // g_i' keeps coefficient 1 on g_i and projections only add positive multiples of the others.
    java.util.Random r = new java.util.Random(3);
    for (int t = 0; t < 200; t++) {
      double[][] g = new double[4][5];
      for (double[] row : g) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian();
        }
      }
      for (double c : weights(new PcGradCombiner(t), g, t)) {
        assertTrue(c >= 1, "weight " + c);
      }
    }
  }
}
