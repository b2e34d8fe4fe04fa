package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.gram;
import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import io.paretoprune.core.train.seam.CombinerInput;
import org.junit.jupiter.api.Test;

/** epoch-norm against hand-computed weights: 1 / (the previous window's mean norms), held. */
class EpochNormCombinerTest {
  private static long step;

  private static double[] at(EpochNormCombiner c, int epoch, double[]... g) {
    return c.weights(new CombinerInput(gram(g), null, ++step, epoch));
  }

  @Test
  void theFirstStepsWeightsHoldForTheFirstEpochThenEachEpochTakesThePreviousMeans() {
    EpochNormCombiner c = new EpochNormCombiner(1);
    // Epoch 1: norms (1, 2) at the first step: (1, 1/2) / (3/2) = (2/3, 1/3), held all epoch.
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), at(c, 1, v(1, 0), v(0, 2)), 1e-15);
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), at(c, 1, v(3, 0), v(0, 2)), 1e-15);
    // Epoch 2: epoch 1's mean norms (2, 2): equal weights, held though this epoch's norms differ.
    assertArrayEquals(v(0.5, 0.5), at(c, 2, v(1, 0), v(0, 3)), 1e-15);
    assertArrayEquals(v(0.5, 0.5), at(c, 2, v(1, 0), v(0, 1)), 1e-15);
    // Epoch 3: epoch 2's means (1, 2): (2/3, 1/3) again; the first epoch's steps are forgotten.
    assertArrayEquals(v(2 / 3.0, 1 / 3.0), at(c, 3, v(5, 0), v(0, 1)), 1e-15);
  }

  @Test
  void aWindowOfTwoEpochsAveragesBoth() {
    EpochNormCombiner c = new EpochNormCombiner(2);
    assertArrayEquals(v(0.8, 0.2), at(c, 1, v(1, 0), v(0, 4)), 1e-15); // norms (1, 4)
    assertArrayEquals(v(0.8, 0.2), at(c, 2, v(3, 0), v(0, 2)), 1e-15);
    // Epoch 3 opens the second window: means of (1, 4), (3, 2) = (2, 3): (1/2, 1/3) / (5/6).
    assertArrayEquals(v(0.6, 0.4), at(c, 3, v(1, 0), v(0, 1)), 1e-15);
    assertArrayEquals(v(0.6, 0.4), at(c, 4, v(1, 0), v(0, 1)), 1e-15);
  }

  @Test
  void aCheckpointAtTheEpochsEndResumesWithTheSameWeights() {
    EpochNormCombiner c = new EpochNormCombiner(1);
    assertNull(c.saveState());
    at(c, 1, v(1, 0), v(0, 2));
    at(c, 1, v(3, 0), v(0, 2));
    EpochNormCombiner resumed = new EpochNormCombiner(1);
    resumed.restoreState(c.saveState());
    assertArrayEquals(at(c, 2, v(1, 0), v(0, 3)), at(resumed, 2, v(1, 0), v(0, 3)), 0);
    assertArrayEquals(v(0.5, 0.5), at(resumed, 2, v(9, 0), v(0, 3)), 1e-15);
  }

  @Test
  void badInputs() {
    assertThrows(IllegalArgumentException.class, () -> new EpochNormCombiner(0));
    assertThrows(
        NonFiniteGradientException.class,
        () -> at(new EpochNormCombiner(1), 1, v(Double.NaN, 0), v(0, 1)));
  }
}
