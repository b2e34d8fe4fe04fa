package io.paretoprune.optimizers.schedule;

import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.train.TrainingSchedule;
import java.util.Arrays;
import java.util.List;

/** The learning-rate schedules a suite can name, and the DJL tracker each one builds. */
public enum Schedule {
  /** {@code lr} throughout. */
  CONSTANT("constant"),
  /** {@code lr / (1 + decay t)}: the paper's SGD schedule. */
  INVERSE_TIME("inverse_time"),
  /** The logistic fall from {@code lr} to {@code lr / 10} over the epochs. */
  LOGISTIC("logistic"),
  /** Both factors multiplied: the paper's CIFAR-10 SGD schedule. */
  INVERSE_TIME_LOGISTIC("inverse_time+logistic");

  private final String id;

  Schedule(String id) {
    this.id = id;
  }

  /** The name used in suites. */
  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(Schedule::id).toList();
  }

  /** The schedule called {@code id}; null when none is. */
  public static Schedule byId(String id) {
    for (Schedule s : values()) {
      if (s.id.equals(id)) {
        return s;
      }
    }
    return null;
  }

  /** Whether the schedule has an inverse-time factor (and so a decay). */
  public boolean decays() {
    return this == INVERSE_TIME || this == INVERSE_TIME_LOGISTIC;
  }

  /**
   * The tracker of this schedule.
   *
   * @param decay used only when {@link #decays()}
   */
  public Tracker tracker(float lr, float decay, TrainingSchedule run) {
    Tracker base =
        this == LOGISTIC || this == INVERSE_TIME_LOGISTIC
            ? LogisticEpochTracker.builder()
                .setBaseValue(lr)
                .setEpochs(run.epochs())
                .setStepsPerEpoch(run.stepsPerEpoch())
                .build()
            : Tracker.fixed(lr);
    return decays()
        ? InverseTimeDecayTracker.builder().setBase(base).setDecay(decay).build()
        : base;
  }
}
