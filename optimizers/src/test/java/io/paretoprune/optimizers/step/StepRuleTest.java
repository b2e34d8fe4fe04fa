package io.paretoprune.optimizers.step;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.training.GradientCollector;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.train.checkpoint.StepRuleStates;
import io.paretoprune.core.train.seam.StepRuleState;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Every step rule against numbers worked out by hand (in double precision, from the update rules in
 * the class Javadocs) for w0 = (1, -2, 0.5), lr = 0.1 and three gradients.
 */
class StepRuleTest {
  private static final float[] W0 = {1f, -2f, 0.5f};
  private static final float[][] GRADS = {{0.5f, -1f, 0f}, {0.1f, 0.2f, -0.3f}, {-0.4f, 0f, 1f}};
  private static final Tracker LR = Tracker.fixed(0.1f);

  private NDManager manager;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  @BeforeEach
  void open() {
    manager = NDManager.newBaseManager();
  }

  @AfterEach
  void close() {
    manager.close();
  }

  private NDArray weight() {
    NDArray w = manager.create(W0.clone());
    w.setRequiresGradient(true);
    return w;
  }

  /** Puts {@code g} into the weight's gradient by autograd, updates, checks the gradient is 0. */
  private void step(Optimizer rule, NDArray w, float[] g) {
    try (NDArray coefficients = manager.create(g)) {
      try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
        collector.backward(w.mul(coefficients).sum());
      }
      try (NDArray grad = w.getGradient()) {
        assertArrayEquals(g, grad.toFloatArray(), 1e-7f, "autograd gradient");
        rule.update("w", w, grad);
      }
    }
    try (NDArray grad = w.getGradient()) {
      assertArrayEquals(new float[3], grad.toFloatArray(), "gradient zeroed by the update");
    }
  }

  private void assertSteps(Optimizer rule, double[][] expected) {
    NDArray w = weight();
    for (int t = 0; t < 3; t++) {
      step(rule, w, GRADS[t]);
      assertArrayEquals(floats(expected[t]), w.toFloatArray(), 2e-6f, "after step " + (t + 1));
    }
  }

  private static float[] floats(double[] d) {
    float[] f = new float[d.length];
    for (int i = 0; i < d.length; i++) {
      f[i] = (float) d[i];
    }
    return f;
  }

  @Test
  void rmsPropFollowsKeras() {
    // v = 0.9 v + 0.1 g^2; w -= 0.1 g / (sqrt(v) + 1e-7)
    assertSteps(
        RmsPropStep.builder().setLearningRateTracker(LR).build(),
        new double[][] {
          {0.6837724339830356, -1.6837723339831303, 0.5},
          {0.618539669230855, -1.7490051200118857, 0.8162274326838559},
          {0.8260694163899568, -1.7490051200118857, 0.5120779928545289}
        });
  }

  @Test
  void nesterovFollowsKeras() {
    // v = 0.9 v - 0.1 g; w += 0.9 v - 0.1 g
    assertSteps(
        NesterovSgd.builder().setLearningRateTracker(LR).build(),
        new double[][] {{0.905, -1.81, 0.5}, {0.8455, -1.767, 0.557}, {0.87695, -1.7103, 0.3913}});
  }

  @Test
  void djlMomentumSgdFollowsKeras() {
    // DJL: s = 0.9 s + 0.1 g; w -= s   (Keras: v = 0.9 v - 0.1 g; w += v)
    assertSteps(
        Optimizer.sgd().setLearningRateTracker(LR).optMomentum(0.9f).build(),
        new double[][] {{0.95, -1.9, 0.5}, {0.895, -1.83, 0.53}, {0.8855, -1.767, 0.457}});
  }

  @Test
  void djlAdamFollowsKeras() {
    // lr_t = 0.1 sqrt(1 - 0.999^t) / (1 - 0.9^t); w -= lr_t m / (sqrt(v) + 1e-7)
    assertSteps(
        Optimizer.adam().optLearningRateTracker(LR).optEpsilon(1e-7f).build(),
        new double[][] {
          {0.9000006324515321, -1.900000316226766, 0.5},
          {0.819697032869824, -1.8488978670466378, 0.5744128979758819},
          {0.8103271383411091, -1.809395525780889, 0.5297444997754821}
        });
  }

  @Test
  void stateCreatedInsideAScopeOutlivesIt() {
    Optimizer rule = RmsPropStep.builder().setLearningRateTracker(LR).build();
    NDArray w = weight();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      step(rule, w, GRADS[0]);
    }
    step(rule, w, GRADS[1]);
    assertArrayEquals(
        floats(new double[] {0.618539669230855, -1.7490051200118857, 0.8162274326838559}),
        w.toFloatArray(),
        2e-6f);
  }

  /** Step 1 with a gradient, mask entry 1's state, step 2 with a zero gradient. */
  private float[] maskedThenIdle(Optimizer rule, StepRuleState state) {
    NDArray w = weight();
    step(rule, w, new float[] {0.5f, -1f, 0.25f});
    float[] afterFirst = w.toFloatArray();
    try (NDArray keep = manager.create(new float[] {1f, 0f, 1f})) {
      state.mask("w", keep);
    }
    step(rule, w, new float[3]);
    float[] afterSecond = w.toFloatArray();
    // Entry 1 lost its state, so a zero gradient leaves it; the others still move.
    assertArrayEquals(new float[] {afterFirst[1]}, new float[] {afterSecond[1]});
    for (int i : new int[] {0, 2}) {
      assertNotEquals(afterFirst[i], afterSecond[i], "entry " + i + " kept its momentum");
    }
    return afterSecond;
  }

  private static void assertNotEquals(float a, float b, String message) {
    org.junit.jupiter.api.Assertions.assertNotEquals(a, b, message);
  }

  @Test
  void stepRuleStatesFindsDjlSgdMomentum() {
    Optimizer sgd = Optimizer.sgd().setLearningRateTracker(LR).optMomentum(0.9f).build();
    StepRuleState state = StepRuleStates.of(sgd);
    assertNotSame(StepRuleState.NONE, state);
    maskedThenIdle(sgd, state);
  }

  @Test
  void stepRuleStatesFindsDjlAdamMoments() {
    Optimizer adam = Optimizer.adam().optLearningRateTracker(LR).build();
    StepRuleState state = StepRuleStates.of(adam);
    assertNotSame(StepRuleState.NONE, state);
    maskedThenIdle(adam, state);
  }

  @Test
  void nesterovMasksItsOwnVelocity() {
    NesterovSgd nag = NesterovSgd.builder().setLearningRateTracker(LR).build();
    assertSame(nag, StepRuleStates.of(nag));
    maskedThenIdle(nag, nag);
  }

  @Test
  void rmsPropMasksItsOwnMeanSquare() {
    RmsPropStep rms = RmsPropStep.builder().setLearningRateTracker(LR).build();
    assertSame(rms, StepRuleStates.of(rms));
    NDArray w = weight();
    step(rms, w, new float[] {0.5f, -1f, 0.25f});
    float[] w1 = w.toFloatArray();
    try (NDArray keep = manager.create(new float[] {1f, 0f, 1f})) {
      rms.mask("w", keep);
    }
    float[] g2 = {0.2f, 0.2f, 0.2f};
    step(rms, w, g2);
    // Entry 1 restarts from v = 0: v = 0.1 g^2; entry 0 keeps v = 0.09 * 0.25 + 0.1 g^2.
    double fresh = w1[1] - 0.1 * 0.2 / (Math.sqrt(0.1 * 0.04) + 1e-7);
    double kept = w1[0] - 0.1 * 0.2 / (Math.sqrt(0.09 * 0.25 + 0.1 * 0.04) + 1e-7);
    float[] w2 = w.toFloatArray();
    assertArrayEquals(floats(new double[] {kept, fresh}), new float[] {w2[0], w2[1]}, 2e-6f);
  }

  @Test
  void buildersCheckTheirSettings() {
    assertThrows(NullPointerException.class, () -> RmsPropStep.builder().build());
    assertThrows(NullPointerException.class, () -> NesterovSgd.builder().build());
    assertThrows(
        IllegalArgumentException.class,
        () -> RmsPropStep.builder().setLearningRateTracker(LR).optRho(1f).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> RmsPropStep.builder().setLearningRateTracker(LR).optEpsilon(0f).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> NesterovSgd.builder().setLearningRateTracker(LR).optMomentum(-0.1f).build());
  }
}
