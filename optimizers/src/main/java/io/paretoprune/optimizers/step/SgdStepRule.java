package io.paretoprune.optimizers.step;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.optimizers.StepRuleProvider;
import io.paretoprune.optimizers.schedule.Schedule;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sgd}: SGD with momentum as Keras defines it ({@code v = m v - lr g; w += v}; DJL's {@code
 * Sgd}, or {@link NesterovSgd} with {@code nesterov: true}). Defaults are the paper's: momentum
 * 0.9, lr 0.01, logistic epoch schedule times inverse-time decay per step.
 */
public final class SgdStepRule implements StepRuleProvider {
  @Override
  public String name() {
    return "sgd";
  }

  @Override
  public String description() {
    return "SGD with momentum (Keras form), optionally Nesterov";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("momentum", "momentum in [0, 1) (default 0.9)");
    m.put("nesterov", "Nesterov momentum, true | false (default false)");
    return m;
  }

  @Override
  public Optimizer create(PluginSettings settings, Tracker learningRate) {
    float momentum = StepSettings.unitInterval(settings, "momentum", 0.9);
    if (settings.getBoolean("nesterov", false)) {
      return NesterovSgd.builder()
          .setLearningRateTracker(learningRate)
          .optMomentum(momentum)
          .build();
    }
    return Optimizer.sgd().setLearningRateTracker(learningRate).optMomentum(momentum).build();
  }

  @Override
  public double defaultLearningRate() {
    return 0.01;
  }

  @Override
  public Schedule defaultSchedule() {
    return Schedule.INVERSE_TIME_LOGISTIC;
  }
}
