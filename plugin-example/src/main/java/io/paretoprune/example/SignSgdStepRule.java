package io.paretoprune.example;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.optimizers.StepRuleProvider;
import java.util.Map;

/**
 * A step rule written outside the framework, to show the seam: {@code sign-sgd} moves every weight
 * by the learning rate against the sign of its gradient (signSGD, Bernstein et al. 2018),
 *
 * <pre>
 *   w -= lr * sign(g)
 * </pre>
 *
 * A step rule is a DJL {@link Optimizer} built around the run's learning-rate tracker; the
 * framework reads {@code lr}, {@code schedule} and {@code decay} for it. Its update is linear in
 * the learning rate, so it also works per objective ({@code apply: per-objective}). A plug-in is
 * this class plus one line in {@code META-INF/services/io.paretoprune.optimizers.StepRuleProvider}.
 */
public final class SignSgdStepRule implements StepRuleProvider {
  @Override
  public String name() {
    return "sign-sgd";
  }

  @Override
  public String description() {
    return "example plug-in: w -= lr * sign(g)";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public Optimizer create(PluginSettings settings, Tracker learningRate) {
    return new SignSgd(learningRate);
  }

  @Override
  public double defaultLearningRate() {
    return 0.001;
  }

  /** The DJL optimizer. */
  static final class SignSgd extends Optimizer {
    private final Tracker learningRate;

    SignSgd(Tracker learningRate) {
      super(new Builder());
      this.learningRate = learningRate;
    }

    @Override
    public void update(String parameterId, NDArray weight, NDArray grad) {
      float lr = learningRate.getNewValue(parameterId, updateCount(parameterId));
      try (NDArray step = grad.sign().muli(lr)) {
        weight.subi(step);
      }
    }

    /** DJL's optimizers take their common settings (weight decay, clipping) from a builder. */
    static final class Builder extends OptimizerBuilder<Builder> {
      @Override
      protected Builder self() {
        return this;
      }
    }
  }
}
