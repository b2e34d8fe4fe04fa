package io.paretoprune.optimizers.step;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.PluginSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code rmsprop}: RMSProp as Keras defines it ({@link RmsPropStep}). Defaults: lr 0.001 (Keras;
 * the paper's CIFAR runs use a tenth of the shared rate, say so in the suite), the logistic epoch
 * schedule, no decay. Paired with an adaptive combiner it keeps one accumulator per objective (the
 * original MRMSProp).
 */
public final class RmsPropStepRule extends NormalisingStepRule {
  public RmsPropStepRule() {
    super(
        "rmsprop",
        "RMSProp (Keras form, eps 1e-7); per-objective accumulators with an adaptive combiner");
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("rho", "decay of the mean square, in [0, 1) (default 0.9)");
    m.put("eps", "added to the root mean square, > 0 (default 1e-7)");
    return m;
  }

  @Override
  public Optimizer create(PluginSettings settings, Tracker learningRate) {
    return RmsPropStep.builder()
        .setLearningRateTracker(learningRate)
        .optRho(StepSettings.unitInterval(settings, "rho", 0.9))
        .optEpsilon(StepSettings.positive(settings, "eps", 1e-7))
        .build();
  }
}
