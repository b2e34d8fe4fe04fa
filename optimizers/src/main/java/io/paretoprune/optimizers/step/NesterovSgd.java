package io.paretoprune.optimizers.step;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.tracker.ParameterTracker;
import io.paretoprune.core.engine.Gradients;
import java.util.Map;
import java.util.Objects;

/**
 * SGD with Nesterov momentum as Keras defines it:
 *
 * <pre>
 *   v = m * v - lr * g
 *   w = w + m * v - lr * g
 * </pre>
 *
 * with {@code v} starting at 0 and momentum {@code m = 0.9} by default.
 *
 * <p>Written here because DJL's {@code Nag} has no PyTorch implementation (its fused update throws
 * there). Like DJL's fused updates it zeroes the parameter's gradient after updating.
 */
public final class NesterovSgd extends StatefulStepRule {
  private final float momentum;
  private final Map<String, Map<Device, NDArray>> velocities;

  private NesterovSgd(Builder b) {
    super(b, b.learningRate);
    this.momentum = b.momentum;
    this.velocities = newState();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    float lr = learningRate(parameterId);
    NDArray v = state(velocities, parameterId, weight);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray step = preprocess(weight, grad).mul(lr);
      v.muli(momentum).subi(step);
      weight.addi(v.mul(momentum).subi(step));
    }
    Gradients.zero(weight);
  }

  /** Builder: {@code setLearningRateTracker} is required. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private ParameterTracker learningRate;
    private float momentum = 0.9f;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    public Builder setLearningRateTracker(ParameterTracker learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** In [0, 1); default 0.9. */
    public Builder optMomentum(float momentum) {
      this.momentum = momentum;
      return this;
    }

    public NesterovSgd build() {
      Objects.requireNonNull(learningRate, "NesterovSgd needs a learning rate tracker");
      if (!(momentum >= 0 && momentum < 1)) {
        throw new IllegalArgumentException("momentum must be in [0, 1), got " + momentum);
      }
      return new NesterovSgd(this);
    }
  }
}
