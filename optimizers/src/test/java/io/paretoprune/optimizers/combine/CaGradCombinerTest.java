package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.combine;
import static io.paretoprune.optimizers.combine.Vectors.dot;
import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.mean;
import static io.paretoprune.optimizers.combine.Vectors.norm;
import static io.paretoprune.optimizers.combine.Vectors.plus;
import static io.paretoprune.optimizers.combine.Vectors.scale;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Random;
import org.junit.jupiter.api.Test;

/**
 * CAGrad against two oracles on explicit vectors: a brute-force search of the dual objective over a
 * fine simplex grid, and the primal problem it solves (d maximises {@code min_i g_i.d} over the
 * ball {@code ||d - g0|| <= c ||g0||}), checked against many points of that ball.
 */
class CaGradCombinerTest {
  private static final double C = 0.5;

  /** The reference code's direction (rescale=1) from the grid's best w. */
  private static double[] gridOracle(double[][] g, double c, int steps) {
    int k = g.length;
    double[] g0 = mean(g);
    double sqrtPhi = c * norm(g0);
    double best = Double.POSITIVE_INFINITY;
    double[] bestW = null;
    if (k == 2) {
      for (int a = 0; a <= steps; a++) {
        double[] w = {a / (double) steps, 1 - a / (double) steps};
        double f = objective(g, g0, sqrtPhi, w);
        if (f < best) {
          best = f;
          bestW = w;
        }
      }
    } else {
      for (int a = 0; a <= steps; a++) {
        for (int b = 0; a + b <= steps; b++) {
          double[] w = {a / (double) steps, b / (double) steps, (steps - a - b) / (double) steps};
          double f = objective(g, g0, sqrtPhi, w);
          if (f < best) {
            best = f;
            bestW = w;
          }
        }
      }
    }
    double[] gw = combine(bestW, g);
    double[] d = norm(gw) > 0 ? plus(g0, sqrtPhi / norm(gw), gw) : g0;
    return scale(1 / (1 + c * c), d);
  }

  private static double objective(double[][] g, double[] g0, double sqrtPhi, double[] w) {
    double[] gw = combine(w, g);
    return dot(gw, g0) + sqrtPhi * norm(gw);
  }

  /** d (before the rescale) is on the ball's surface and no point of the ball does better. */
  private static void assertPrimalOptimal(double[][] g, double c, double[] d) {
    double[] g0 = mean(g);
    double radius = c * norm(g0);
    double[] raw = scale(1 + c * c, d);
    assertEquals(radius, norm(plus(raw, -1, g0)), 1e-9 * (1 + radius));
    double worst = Double.POSITIVE_INFINITY;
    for (double[] gi : g) {
      worst = Math.min(worst, dot(gi, raw));
    }
    Random r = new Random(1);
    for (int t = 0; t < 20000; t++) {
      double[] u = new double[g0.length];
      for (int j = 0; j < u.length; j++) {
        u[j] = r.nextGaussian();
      }
      double[] other = plus(g0, radius * Math.pow(r.nextDouble(), 0.2) / norm(u), u);
      double o = Double.POSITIVE_INFINITY;
      for (double[] gi : g) {
        o = Math.min(o, dot(gi, other));
      }
      assertTrue(o <= worst + 1e-9, "a point of the ball does better: " + o + " > " + worst);
    }
  }

  private static double[] direction(double[][] g, double c) {
    return combine(new CaGradCombiner(c, 100).weights(gram(g)), g);
  }

  @Test
  void twoConflictingGradients() {
    double[][] g = {v(1, 0), v(-0.8, 0.6)};
    double[] d = direction(g, C);
    assertArrayEquals(gridOracle(g, C, 200000), d, 1e-4);
    assertPrimalOptimal(g, C, d);
    for (double gi : new double[] {dot(g[0], d), dot(g[1], d)}) {
      assertTrue(gi > 0, "CAGrad improves both here: " + gi);
    }
  }

  @Test
  void twoAlignedGradientsOfDifferentLengthHandComputed() {
    // g = (1,0), (2,0): g0 = (1.5,0), g_w = w1 (1,0) + w2 (2,0) is minimised at w = (1,0), so
    // d = (g0 + 0.5 * 1.5 * (1,0)) / 1.25 = (1.8, 0).
    double[][] g = {v(1, 0), v(2, 0)};
    double[] c = new CaGradCombiner().weights(gram(g));
    assertArrayEquals(new double[] {1.8, 0}, combine(c, g), 1e-9);
    assertArrayEquals(gridOracle(g, C, 100000), combine(c, g), 1e-9);
  }

  @Test
  void aZeroGradientLeavesTheRescaledMean() {
    // The minimiser puts all weight on the zero gradient (g_w = 0): d = g0 / (1 + c^2).
    double[][] g = {v(1, 0), v(0, 0)};
    double[] c = new CaGradCombiner().weights(gram(g));
    assertArrayEquals(new double[] {0.4, 0}, combine(c, g), 1e-12);
    double[][] all = {v(0, 0), v(0, 0)};
    assertArrayEquals(new double[] {0.4, 0.4}, new CaGradCombiner().weights(gram(all)), 1e-15);
  }

  @Test
  void threeGradientsConflictingAndAligned() {
    double[][] conflicting = {v(1, 0, 0.2), v(-0.7, 0.8, 0), v(-0.3, -0.9, 0.5)};
    double[] d = direction(conflicting, C);
    assertArrayEquals(gridOracle(conflicting, C, 1500), d, 2e-3);
    assertPrimalOptimal(conflicting, C, d);
    double[][] aligned = {v(1, 0.1, 0), v(0.9, 0.2, 0.1), v(2, 0, 0.3)};
    double[] e = direction(aligned, C);
    assertArrayEquals(gridOracle(aligned, C, 1500), e, 2e-3);
    assertPrimalOptimal(aligned, C, e);
  }

  @Test
  void randomCasesSatisfyThePrimalOptimality() {
    Random r = new Random(9);
    for (int t = 0; t < 20; t++) {
      int k = 2 + t % 3;
      double[][] g = new double[k][4];
      for (double[] row : g) {
        for (int j = 0; j < row.length; j++) {
          row[j] = r.nextGaussian() * (1 + 10 * r.nextDouble());
        }
      }
      double c = 0.1 + 0.8 * r.nextDouble();
      assertPrimalOptimal(g, c, direction(g, c));
    }
  }

  @Test
  void cZeroIsTheMeanGradient() {
    double[][] g = {v(1, 0), v(-0.8, 0.6), v(3, 1)};
    assertArrayEquals(
        new double[] {1.0 / 3, 1.0 / 3, 1.0 / 3}, new CaGradCombiner(0, 10).weights(gram(g)), 0);
  }

  @Test
  void rejectsBadArguments() {
    assertThrows(IllegalArgumentException.class, () -> new CaGradCombiner(-1, 10));
    assertThrows(IllegalArgumentException.class, () -> new CaGradCombiner(0.5, 0));
  }
}
