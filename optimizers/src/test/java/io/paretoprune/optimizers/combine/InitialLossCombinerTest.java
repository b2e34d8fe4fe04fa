package io.paretoprune.optimizers.combine;

import static io.paretoprune.optimizers.combine.Vectors.v;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import io.paretoprune.core.train.seam.CombinerInput;
import org.junit.jupiter.api.Test;

/** initial-loss against hand-computed weights: 1 / (the warm-up's mean objective values), held. */
class InitialLossCombinerTest {
  private static long step;

  private static double[] at(InitialLossCombiner c, double... losses) {
    return c.weights(new CombinerInput(null, losses, ++step, 1));
  }

  @Test
  void theFirstStepsValuesFixTheWeightsForGood() {
    InitialLossCombiner c = new InitialLossCombiner(1);
    assertTrue(c.needsLosses());
    // LeNet-5's start: cross-entropy ln(10), L1 of the dense kernels 3549:
    // (1 / 2.3026, 1 / 3549) / (their sum) = c2 / c1 = 2.3026 / 3549 = 6.488e-4.
    double[] w = at(c, Math.log(10), 3549);
    double c2 = Math.log(10) / (Math.log(10) + 3549);
    assertArrayEquals(v(1 - c2, c2), w, 1e-15);
    // Held whatever the later values are: no feedback from pruning.
    assertArrayEquals(w, at(c, 0.1, 50), 0);
    assertArrayEquals(w, at(c, 5, 1), 0);
  }

  @Test
  void aWarmUpAveragesItsValuesThenHoldsThem() {
    InitialLossCombiner c = new InitialLossCombiner(2);
    // Step 1 answers with its own values (1, 3): (1, 1/3) / (4/3) = (3/4, 1/4).
    assertArrayEquals(v(0.75, 0.25), at(c, 1, 3), 1e-15);
    // Step 2: (3, 1): (1/4, 3/4); the warm-up's means (2, 2) are then held: (1/2, 1/2).
    assertArrayEquals(v(0.25, 0.75), at(c, 3, 1), 1e-15);
    assertArrayEquals(v(0.5, 0.5), at(c, 7, 1), 1e-15);
    // Three objectives: (1, 2, 4) -> (1, 1/2, 1/4) / (7/4).
    assertArrayEquals(v(4 / 7.0, 2 / 7.0, 1 / 7.0), at(new InitialLossCombiner(1), 1, 2, 4), 1e-15);
  }

  @Test
  void anObjectiveWithoutAPositiveValueGetsNoWeight() {
    assertArrayEquals(v(1, 0), at(new InitialLossCombiner(1), 2, 0), 0);
    assertArrayEquals(v(0, 1), at(new InitialLossCombiner(1), -1, 4), 0);
    assertArrayEquals(v(0.5, 0.5), at(new InitialLossCombiner(1), 0, 0), 0);
  }

  @Test
  void aCheckpointResumesWithTheSameWeights() {
    InitialLossCombiner c = new InitialLossCombiner(3);
    assertNull(c.saveState());
    at(c, 1, 3);
    InitialLossCombiner resumed = new InitialLossCombiner(3);
    resumed.restoreState(c.saveState());
    // Mid warm-up: both take (3, 1) next, and hold the means of (1, 3), (3, 1), (2, 8).
    assertArrayEquals(at(c, 3, 1), at(resumed, 3, 1), 0);
    assertArrayEquals(at(c, 2, 8), at(resumed, 2, 8), 0);
    double[] held = v(1 / 2.0, 1 / 4.0);
    double total = held[0] + held[1];
    assertArrayEquals(v(held[0] / total, held[1] / total), at(resumed, 9, 9), 1e-15);
    InitialLossCombiner after = new InitialLossCombiner(3);
    after.restoreState(resumed.saveState());
    assertArrayEquals(at(resumed, 1, 1), at(after, 1, 1), 0);
  }

  @Test
  void badInputs() {
    assertThrows(IllegalArgumentException.class, () -> new InitialLossCombiner(0));
    assertThrows(
        NonFiniteGradientException.class, () -> at(new InitialLossCombiner(1), Double.NaN, 1));
    assertThrows(
        NonFiniteGradientException.class,
        () -> at(new InitialLossCombiner(1), 1, Double.POSITIVE_INFINITY));
  }
}
