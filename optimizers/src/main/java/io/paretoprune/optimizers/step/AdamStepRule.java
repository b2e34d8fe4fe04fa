package io.paretoprune.optimizers.step;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.PluginSettings;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code adam}: DJL's Adam, which on PyTorch follows Keras ({@code lr_t = lr sqrt(1 - b2^t) / (1 -
 * b1^t); w -= lr_t m / (sqrt(v) + eps)}), eps 1e-7 as Keras. Defaults: lr 0.001, the logistic epoch
 * schedule and no decay (the paper's Adam runs). Paired with an adaptive combiner it keeps one set
 * of moments per objective (the original MAdam).
 */
public final class AdamStepRule extends NormalisingStepRule {
  public AdamStepRule() {
    super("adam", "Adam (Keras form, eps 1e-7); per-objective moments with an adaptive combiner");
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("beta1", "decay of the first moment, in [0, 1) (default 0.9)");
    m.put("beta2", "decay of the second moment, in [0, 1) (default 0.999)");
    m.put("eps", "added to the root of the second moment, > 0 (default 1e-7)");
    return m;
  }

  @Override
  public Optimizer create(PluginSettings settings, Tracker learningRate) {
    return Optimizer.adam()
        .optLearningRateTracker(learningRate)
        .optBeta1(StepSettings.unitInterval(settings, "beta1", 0.9))
        .optBeta2(StepSettings.unitInterval(settings, "beta2", 0.999))
        .optEpsilon(StepSettings.positive(settings, "eps", 1e-7))
        .build();
  }
}
