package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import io.paretoprune.core.train.seam.CombinerInput;
import org.junit.jupiter.api.Test;

/** initial-norm against hand-computed weights: 1 / ||g_i|| normalised, held after the warm-up. */
class InitialNormCombinerTest {
  private static double[] step(InitialNormCombiner c, double[]... g) {
    return c.weights(CombinerInput.ofGram(gram(g)));
  }

  @Test
  void twoGradientsGetWeightsInverseToTheirNormsAndKeepThem() {
    InitialNormCombiner c = new InitialNormCombiner(1);
    // ||g1|| = 5, ||g2|| = 10 (conflicting): c = (1/5, 1/10) / (3/10) = (2/3, 1/3); d has the two
    // gradients at equal length.
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), step(c, v(3, 4), v(-6, -8)), 1e-15);
    // Held: later gradients, aligned or zero, change nothing.
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), step(c, v(1, 0), v(100, 0)), 1e-15);
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), step(c, v(0, 0), v(0, 1)), 1e-15);
  }

  @Test
  void threeGradientsAndAZeroOne() {
    // Norms 1, 2, 4: (1, 1/2, 1/4) / (7/4) = (4/7, 2/7, 1/7).
    assertArrayEquals(
        v(4 / 7.0, 2 / 7.0, 1 / 7.0),
        step(new InitialNormCombiner(1), v(1, 0, 0), v(0, 2, 0), v(0, 0, 4)),
        1e-15);
    // A zero gradient has no norm to balance: weight 0, the others among themselves.
    assertArrayEquals(
        v(0, 0.5, 0.5), step(new InitialNormCombiner(1), v(0, 0), v(3, 0), v(0, 3)), 1e-15);
    assertArrayEquals(v(0.5, 0.5), step(new InitialNormCombiner(1), v(0, 0), v(0, 0)), 0);
  }

  @Test
  void theWarmUpBalancesEachStepThenHoldsTheMeanNorms() {
    InitialNormCombiner c = new InitialNormCombiner(2);
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), step(c, v(1, 0), v(0, 2)), 1e-15); // norms 1, 2
    assertArrayEquals(v(0.4, 0.6), step(c, v(3, 0), v(0, 2)), 1e-15); // norms 3, 2
    // Mean norms (2, 2): equal weights from now on.
    assertArrayEquals(v(0.5, 0.5), step(c, v(1, 0), v(0, 9)), 1e-15);
  }

  @Test
  void aCheckpointKeepsTheWarmUpAndTheHeldWeights() {
    InitialNormCombiner c = new InitialNormCombiner(2);
    assertNull(c.saveState());
    step(c, v(1, 0), v(0, 2));
    InitialNormCombiner resumed = new InitialNormCombiner(2);
    resumed.restoreState(c.saveState());
    assertArrayEquals(step(c, v(3, 0), v(0, 2)), step(resumed, v(3, 0), v(0, 2)), 0);
    InitialNormCombiner again = new InitialNormCombiner(2);
    again.restoreState(resumed.saveState());
    assertArrayEquals(v(0.5, 0.5), step(again, v(7, 0), v(0, 1)), 1e-15);
  }

  @Test
  void badInputs() {
    assertThrows(IllegalArgumentException.class, () -> new InitialNormCombiner(0));
    double[][] nan = {{Double.NaN, 0}, {0, 1}};
    assertThrows(
        NonFiniteGradientException.class,
        () -> new InitialNormCombiner(1).weights(CombinerInput.ofGram(nan)));
  }
}
