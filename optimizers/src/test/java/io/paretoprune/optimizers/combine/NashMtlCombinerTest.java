package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.combine;
import static io.paretoprune.optimizers.combine.Vectors.dot;
import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.seam.CombinerInput;
import java.util.Random;
import org.junit.jupiter.api.Test;

/** Nash-MTL against its defining condition alpha_i (g_i . d) = 1 on explicit vectors. */
class NashMtlCombinerTest {
  /** Without the reference code's clipping: the bargaining solution itself. */
  private static double[] weights(double[][] g) {
    return new NashMtlCombiner(20, 1, 0).weights(CombinerInput.ofGram(gram(g)));
  }

  /** alpha > 0 and alpha_i g_i.d = 1 with d = sum alpha_j g_j, d built from the vectors. */
  private static void assertBargaining(double[][] g, double[] alpha) {
    double[] d = combine(alpha, g);
    for (int i = 0; i < g.length; i++) {
      assertTrue(alpha[i] > 0, "alpha_" + i + " = " + alpha[i]);
      assertEquals(1, alpha[i] * dot(g[i], d), 1e-8, "objective " + i);
    }
  }

  @Test
  void orthogonalGradientsGetOneOverTheirNorm() {
    double[][] g = {v(3, 0, 0), v(0, 0.5, 0), v(0, 0, 200)};
    assertArrayEquals(new double[] {1.0 / 3, 2, 1.0 / 200}, weights(g), 1e-12);
  }

  @Test
  void twoAlignedGradientsHandComputed() {
    // g2 = 2 g1 with ||g1|| = 1: alpha1 (alpha1 + 2 alpha2) = 1 and 2 alpha2 (alpha1 + 2 alpha2)
    // = 1 give alpha1 = 2 alpha2 and alpha2 = 1 / sqrt(8).
    double[][] g = {v(1, 0), v(2, 0)};
    double[] a = weights(g);
    assertArrayEquals(new double[] {2 / Math.sqrt(8), 1 / Math.sqrt(8)}, a, 1e-10);
    assertBargaining(g, a);
  }

  @Test
  void twoAndThreeConflictingGradients() {
    double[][] two = {v(1, 0), v(-0.6, 0.8)};
    assertBargaining(two, weights(two));
    double[][] three = {v(1, 0, 0.2), v(-0.7, 0.8, 0), v(-0.3, -0.9, 0.5)};
    assertBargaining(three, weights(three));
  }

  @Test
  void gradientsOfVeryDifferentScaleAsInPruning() {
    // ||g2||^2 is the number of nonzero dense weights, ||g1|| is small: the scale must not matter.
    double[][] g = {v(0.03, -0.01, 0.002), v(-120, 90, 60)};
    assertBargaining(g, weights(g));
    Random r = new Random(4);
    for (int t = 0; t < 30; t++) {
      int k = 2 + t % 4;
      double[][] h = new double[k][6];
      for (double[] row : h) {
        double s = Math.pow(10, 4 * r.nextDouble() - 2);
        for (int j = 0; j < row.length; j++) {
          row[j] = s * r.nextGaussian();
        }
      }
      assertBargaining(h, weights(h));
    }
  }

  @Test
  void aZeroGradientGetsWeightZeroAndTheOthersBargainAmongThemselves() {
    double[][] g = {v(2, 0), v(0, 0)};
    assertArrayEquals(new double[] {0.5, 0}, weights(g), 1e-12);
    double[][] three = {v(1, 0), v(0, 0), v(-0.6, 0.8)};
    double[] a = weights(three);
    assertEquals(0, a[1]);
    assertBargaining(new double[][] {three[0], three[2]}, new double[] {a[0], a[2]});
    assertArrayEquals(new double[] {0, 0}, weights(new double[][] {v(0, 0), v(0, 0)}));
  }

  @Test
  void opposedGradientsHaveNoBargainAndGiveNoStep() {
    assertArrayEquals(new double[] {0, 0}, weights(new double[][] {v(1, 2), v(-2, -4)}));
    assertArrayEquals(
        new double[] {0, 0, 0}, weights(new double[][] {v(1, 0), v(0, 1), v(-1, -1)}));
  }

  @Test
  void updateWeightsEveryKeepsTheWeightsInBetweenAndCheckpointsThem() {
    NashMtlCombiner c = new NashMtlCombiner(20, 3, 0);
    double[][] a = gram(new double[][] {v(1, 0), v(0, 2)});
    double[][] b = gram(new double[][] {v(4, 0), v(0, 1)});
    double[] first = c.weights(new CombinerInput(a, null, 1, 1));
    assertArrayEquals(first, c.weights(new CombinerInput(b, null, 2, 1)));
    assertArrayEquals(first, c.weights(new CombinerInput(b, null, 3, 1)));
    double[] fourth = c.weights(new CombinerInput(b, null, 4, 1));
    assertArrayEquals(new double[] {0.25, 1}, fourth, 1e-12);
    NashMtlCombiner resumed = new NashMtlCombiner(20, 3, 0);
    resumed.restoreState(c.saveState());
    assertArrayEquals(fourth, resumed.weights(new CombinerInput(a, null, 5, 1)));
    assertNotEquals(fourth[0], resumed.weights(new CombinerInput(a, null, 7, 1))[0]);
    assertNull(new NashMtlCombiner().saveState(), "every step recomputed: nothing to keep");
  }

  /**
   * The reference (NashMTL.get_weighted_loss and backward) keeps the unclipped alpha between
   * updates and clips each step's own combined gradient: a step with short gradients is not held to
   * the earlier step's clip, and a step with long ones is clipped again.
   */
  @Test
  void betweenUpdatesTheUnclippedWeightsAreKeptAndClippedAgainstEachStep() {
    NashMtlCombiner c = new NashMtlCombiner(20, 3, 1);
    double[][] long1 = {v(2, 0), v(0, 2)}; // alpha = (1/2, 1/2), ||d|| = sqrt(2): clipped
    double[][] short2 = {v(0.1, 0), v(0, 0.1)}; // held alpha: ||d|| = 0.0707, not clipped
    double[][] long3 = {v(10, 0), v(0, 10)}; // held alpha: ||d|| = 7.07, clipped to 1
    double r = 1 / Math.sqrt(2);
    assertArrayEquals(
        new double[] {0.5 * r, 0.5 * r},
        c.weights(new CombinerInput(gram(long1), null, 1, 1)),
        1e-12);
    assertArrayEquals(
        new double[] {0.5, 0.5}, c.weights(new CombinerInput(gram(short2), null, 2, 1)), 1e-12);
    double[] third = c.weights(new CombinerInput(gram(long3), null, 3, 1));
    assertEquals(1, Vectors.norm(combine(third, long3)), 1e-12);
    assertArrayEquals(
        new double[] {0.5 / (10 * Math.sqrt(0.5)), 0.5 / (10 * Math.sqrt(0.5))}, third, 1e-12);
  }

  @Test
  void theDefaultClipsTheDirectionToNormOneAsTheReferenceCode() {
    // Orthogonal: alpha = (1/3, 2), d = (1, 1) of norm sqrt(2) > 1: scaled by 1/sqrt(2).
    double[][] g = {v(3, 0), v(0, 0.5)};
    double[] a = new NashMtlCombiner().weights(CombinerInput.ofGram(gram(g)));
    double r = 1 / Math.sqrt(2);
    assertArrayEquals(new double[] {r / 3, 2 * r}, a, 1e-12);
    assertEquals(1, Vectors.norm(combine(a, g)), 1e-12);
    // A short direction is left alone: alpha = (1/2), d = (1, 0) of norm 1 with max_norm 2.
    double[] b =
        new NashMtlCombiner(20, 1, 2).weights(CombinerInput.ofGram(gram(new double[][] {v(2, 0)})));
    assertArrayEquals(new double[] {0.5}, b, 1e-12);
  }
}
