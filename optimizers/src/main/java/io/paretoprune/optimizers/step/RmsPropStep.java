package io.paretoprune.optimizers.step;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.tracker.ParameterTracker;
import io.paretoprune.core.engine.Gradients;
import java.util.Map;
import java.util.Objects;

/**
 * RMSProp as Keras defines it:
 *
 * <pre>
 *   v = rho * v + (1 - rho) * g^2
 *   w = w - lr * g / (sqrt(v) + eps)
 * </pre>
 *
 * with {@code rho = 0.9}, {@code eps = 1e-7} by default and {@code v} starting at 0.
 *
 * <p>Written here because DJL's {@code RmsProp} has no PyTorch implementation (its fused update
 * throws there). Like DJL's fused updates it zeroes the parameter's gradient after updating.
 */
public final class RmsPropStep extends StatefulStepRule {
  private final float rho;
  private final float epsilon;
  private final Map<String, Map<ai.djl.Device, NDArray>> meanSquares;

  private RmsPropStep(Builder b) {
    super(b, b.learningRate);
    this.rho = b.rho;
    this.epsilon = b.epsilon;
    this.meanSquares = newState();
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public void update(String parameterId, NDArray weight, NDArray grad) {
    float lr = learningRate(parameterId);
    NDArray v = state(meanSquares, parameterId, weight);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray g = preprocess(weight, grad);
      v.muli(rho).addi(g.square().muli(1 - rho));
      weight.subi(g.mul(lr).divi(v.sqrt().addi(epsilon)));
    }
    Gradients.zero(weight);
  }

  /** Builder: {@code setLearningRateTracker} is required. */
  public static final class Builder extends OptimizerBuilder<Builder> {
    private ParameterTracker learningRate;
    private float rho = 0.9f;
    private float epsilon = 1e-7f;

    private Builder() {}

    @Override
    protected Builder self() {
      return this;
    }

    public Builder setLearningRateTracker(ParameterTracker learningRate) {
      this.learningRate = learningRate;
      return this;
    }

    /** Decay of the running mean of squared gradients, in [0, 1); default 0.9. */
    public Builder optRho(float rho) {
      this.rho = rho;
      return this;
    }

    /** Added to the root mean square, &gt; 0; default 1e-7 (Keras). */
    public Builder optEpsilon(float epsilon) {
      this.epsilon = epsilon;
      return this;
    }

    public RmsPropStep build() {
      Objects.requireNonNull(learningRate, "RmsPropStep needs a learning rate tracker");
      if (!(rho >= 0 && rho < 1)) {
        throw new IllegalArgumentException("rho must be in [0, 1), got " + rho);
      }
      if (!(epsilon > 0) || Float.isInfinite(epsilon)) {
        throw new IllegalArgumentException("epsilon must be positive and finite, got " + epsilon);
      }
      return new RmsPropStep(this);
    }
  }
}
