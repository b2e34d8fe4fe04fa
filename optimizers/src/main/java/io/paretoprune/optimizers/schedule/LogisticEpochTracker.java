package io.paretoprune.optimizers.schedule;

import ai.djl.training.tracker.Tracker;

/**
 * The paper's epoch schedule for CIFAR-10, a smooth fall from {@code lr} to {@code lr / 10}:
 *
 * <pre>
 *   lr(e) = lr - 0.9 lr * s((e - 0.75 E) / (0.075 E))   for e &gt; 0,   lr(0) = lr
 * </pre>
 *
 * where {@code s} is the logistic function, {@code E} the number of epochs and {@code e} the
 * 0-based index of the epoch the update falls in (as Keras' {@code LearningRateScheduler} passes
 * it): {@code e = (numUpdate - 1) / stepsPerEpoch} with DJL's update count starting at 1. The value
 * is constant within an epoch.
 */
public final class LogisticEpochTracker implements Tracker {
  private final float lr;
  private final int epochs;
  private final int stepsPerEpoch;

  private LogisticEpochTracker(Builder b) {
    this.lr = b.lr;
    this.epochs = b.epochs;
    this.stepsPerEpoch = b.stepsPerEpoch;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public float getNewValue(int numUpdate) {
    return (float) valueAtEpoch(Math.max(0, numUpdate - 1) / stepsPerEpoch);
  }

  /** {@code lr(e)} for the 0-based epoch index {@code e}. */
  public double valueAtEpoch(int e) {
    if (e <= 0) {
      return lr;
    }
    double z = (e - 0.75 * epochs) / (0.075 * epochs);
    return lr - 0.9 * lr / (1 + Math.exp(-z));
  }

  /** Builder: every setting is required. */
  public static final class Builder {
    private float lr = Float.NaN;
    private int epochs;
    private int stepsPerEpoch;

    private Builder() {}

    public Builder setBaseValue(float lr) {
      this.lr = lr;
      return this;
    }

    /** E, the run's total epochs. */
    public Builder setEpochs(int epochs) {
      this.epochs = epochs;
      return this;
    }

    public Builder setStepsPerEpoch(int stepsPerEpoch) {
      this.stepsPerEpoch = stepsPerEpoch;
      return this;
    }

    public LogisticEpochTracker build() {
      if (!(lr > 0) || Float.isInfinite(lr)) {
        throw new IllegalArgumentException("learning rate must be positive and finite, got " + lr);
      }
      if (epochs < 1) {
        throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
      }
      if (stepsPerEpoch < 1) {
        throw new IllegalArgumentException(
            "steps per epoch must be at least 1, got " + stepsPerEpoch);
      }
      return new LogisticEpochTracker(this);
    }
  }
}
