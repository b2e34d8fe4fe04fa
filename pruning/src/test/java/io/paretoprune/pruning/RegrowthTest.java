package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.train.checkpoint.StepRuleStates;
import io.paretoprune.core.train.seam.StepRuleState;
import io.paretoprune.pruning.strategy.ThresholdPruning;
import java.util.Arrays;
import java.util.List;
import java.util.function.Supplier;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code regrow} against {@code fixed} through real DJL optimizer steps: entry 0 of {@code
 * dense1.weight} starts below the threshold and every step pushes it well above.
 */
class RegrowthTest {
  private static final int STEPS = 4;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  static List<Arguments> stepRules() {
    Supplier<Optimizer> sgd =
        () -> Optimizer.sgd().setLearningRateTracker(Tracker.fixed(0.1f)).optMomentum(0.9f).build();
    Supplier<Optimizer> adam =
        () -> Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.01f)).build();
    return List.of(Arguments.of("sgd", sgd), Arguments.of("adam", adam));
  }

  private record Run(float[] afterHooks, float[] afterZeroGradStep, float stateAtPruned) {}

  private static Run run(Supplier<Optimizer> rules, Regrowth regrowth) throws Exception {
    try (NDManager m = NDManager.newBaseManager()) {
      Block net = Fixtures.dense(m, 1, 6, 4, 3);
      ParameterCatalog catalog = ParameterCatalog.of(net);
      ParameterRef w = catalog.get("dense1.weight");
      float[] init = new float[24];
      Arrays.fill(init, 0.5f);
      init[0] = 0.0005f;
      w.array().set(init);
      Optimizer optimizer = rules.get();
      StepRuleState state = StepRuleStates.of(optimizer);
      PruningHook hook =
          new PruningHook(
              new ThresholdPruning(0.001),
              ParameterSelector.parse("dense1.weight"),
              PruningSchedule.everyStep(0),
              regrowth);
      hook.beforeTraining(Fixtures.context(catalog, 0, STEPS, state));
      assertEquals(0f, w.array().toFloatArray()[0], "pruned before training");
      float[] afterHooks = new float[STEPS];
      for (int step = 1; step <= STEPS; step++) {
        // A gradient of -1 everywhere: every weight, the pruned one too, is pushed up.
        try (NDArray grad = m.full(w.array().getShape(), -1f)) {
          optimizer.update(w.id(), w.array(), grad);
        }
        assertTrue(w.array().toFloatArray()[0] > 0.001f, "the step moved it above tau");
        hook.afterStep(Fixtures.context(catalog, step, STEPS, state));
        afterHooks[step - 1] = w.array().toFloatArray()[0];
      }
      float stateAtPruned = 0;
      for (NDArray s : StateProbe.states(optimizer, w.id())) {
        stateAtPruned += Math.abs(s.toFloatArray()[0]);
      }
      // With a zero gradient only the step rule's state can move a weight.
      try (NDArray zero = m.zeros(w.array().getShape())) {
        optimizer.update(w.id(), w.array(), zero);
      }
      return new Run(afterHooks, w.array().toFloatArray(), stateAtPruned);
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stepRules")
  void regrowLetsAPrunedWeightComeBack(String name, Supplier<Optimizer> rules) throws Exception {
    Run r = run(rules, Regrowth.REGROW);
    for (float v : r.afterHooks()) {
      assertTrue(v > 0.001f, "came back: " + v);
    }
    assertTrue(r.stateAtPruned() > 0, "its state was left alone");
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("stepRules")
  void fixedKeepsItAtZeroAndZeroesItsState(String name, Supplier<Optimizer> rules)
      throws Exception {
    Run r = run(rules, Regrowth.FIXED);
    for (float v : r.afterHooks()) {
      assertEquals(0f, v);
    }
    assertEquals(0f, r.stateAtPruned(), "momentum / moments of the pruned weight");
    assertEquals(0f, r.afterZeroGradStep()[0], "no comeback through the state");
    // The probe is live: a kept weight still moves on its momentum alone.
    assertNotEquals(0.5f, r.afterZeroGradStep()[1]);
  }
}
