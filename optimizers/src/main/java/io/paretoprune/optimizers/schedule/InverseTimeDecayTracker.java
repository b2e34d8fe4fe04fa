package io.paretoprune.optimizers.schedule;

import ai.djl.training.tracker.Tracker;
import java.util.Objects;

/**
 * Keras' inverse-time decay on top of a base schedule:
 *
 * <pre>
 *   lr_t = base(t) / (1 + decay * t)
 * </pre>
 *
 * where {@code t} is the number of updates made before this one (0 at the first step, as Keras
 * counts {@code iterations}). DJL numbers updates from 1, so {@code t = numUpdate - 1}. With a
 * fixed base this is the paper's SGD schedule with {@code decay = lr / epochs}; with a {@link
 * LogisticEpochTracker} base it is the paper's CIFAR schedule (the two factors multiply).
 */
public final class InverseTimeDecayTracker implements Tracker {
  private final Tracker base;
  private final float decay;

  private InverseTimeDecayTracker(Builder b) {
    this.base = b.base;
    this.decay = b.decay;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The paper's setting: a fixed {@code lr} decayed with {@code decay = lr / epochs}. */
  public static InverseTimeDecayTracker paper(float lr, int epochs) {
    return builder().setBase(Tracker.fixed(lr)).setDecay(paperDecay(lr, epochs)).build();
  }

  /** {@code lr / epochs}, the decay the paper's SGD runs use. */
  public static float paperDecay(float lr, int epochs) {
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    return lr / epochs;
  }

  @Override
  public float getNewValue(int numUpdate) {
    int t = Math.max(0, numUpdate - 1);
    return (float) (base.getNewValue(numUpdate) / (1.0 + (double) decay * t));
  }

  public float decay() {
    return decay;
  }

  /** Builder: {@code setBase} and {@code setDecay} are required. */
  public static final class Builder {
    private Tracker base;
    private float decay = Float.NaN;

    private Builder() {}

    /** The schedule the decay divides, e.g. {@code Tracker.fixed(lr)}. */
    public Builder setBase(Tracker base) {
      this.base = base;
      return this;
    }

    /** {@code decay >= 0}; 0 leaves the base unchanged. */
    public Builder setDecay(float decay) {
      this.decay = decay;
      return this;
    }

    public InverseTimeDecayTracker build() {
      Objects.requireNonNull(base, "inverse-time decay needs a base tracker");
      if (!(decay >= 0) || Float.isInfinite(decay)) {
        throw new IllegalArgumentException("decay must be finite and >= 0, got " + decay);
      }
      return new InverseTimeDecayTracker(this);
    }
  }
}
