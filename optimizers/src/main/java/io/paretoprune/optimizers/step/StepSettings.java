package io.paretoprune.optimizers.step;

import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.schedule.InverseTimeDecayTracker;
import io.paretoprune.optimizers.schedule.Schedule;
import java.util.Objects;

/**
 * Reading a step rule's settings: the run's learning-rate schedule from {@code lr}, {@code
 * schedule} and {@code decay}, and range-checked numbers. Every bad value is a {@link
 * ConfigException} naming its key.
 */
public final class StepSettings {
  private StepSettings() {}

  /** The learning-rate tracker from {@code lr}, {@code schedule} and {@code decay}. */
  public static Tracker tracker(
      double defaultLr, Schedule defaultSchedule, PluginSettings settings, TrainingSchedule run) {
    Objects.requireNonNull(run, "training schedule");
    float lr = positive(settings, "lr", defaultLr);
    String id = settings.getChoice("schedule", defaultSchedule.id(), Schedule.ids());
    Schedule schedule = Schedule.byId(id);
    if (schedule == Schedule.LOGISTIC || schedule == Schedule.INVERSE_TIME_LOGISTIC) {
      if (run.epochs() < 1 || run.stepsPerEpoch() < 1) {
        throw new ConfigException(
            "schedule", "'" + id + "' needs a run of at least one epoch and one step, got " + run);
      }
    }
    float decay = 0;
    if (schedule.decays()) {
      if (settings.has("decay")) {
        decay = nonNegative(settings, "decay");
      } else {
        if (run.epochs() < 1) {
          throw new ConfigException("decay", "no default (lr / epochs) for a run of 0 epochs");
        }
        decay = InverseTimeDecayTracker.paperDecay(lr, run.epochs());
      }
    } else if (settings.has("decay")) {
      throw new ConfigException(
          "decay",
          "applies only to schedule inverse_time or inverse_time+logistic, not '" + id + "'");
    }
    return schedule.tracker(lr, decay, run);
  }

  public static float positive(PluginSettings s, String key, double fallback) {
    double v = s.getDouble(key, fallback);
    if (!(v > 0) || Double.isInfinite(v)) {
      throw new ConfigException(key, "must be a positive number, got " + v);
    }
    // The engine computes in 32-bit floats.
    if (!Float.isFinite((float) v) || (float) v == 0f) {
      throw new ConfigException(key, "is out of range for a 32-bit float, got " + v);
    }
    return (float) v;
  }

  public static float unitInterval(PluginSettings s, String key, double fallback) {
    double v = s.getDouble(key, fallback);
    if (!(v >= 0 && v < 1)) {
      throw new ConfigException(key, "must be in [0, 1), got " + v);
    }
    return (float) v;
  }

  private static float nonNegative(PluginSettings s, String key) {
    double v = s.getDouble(key, 0);
    if (!(v >= 0) || Double.isInfinite(v)) {
      throw new ConfigException(key, "must be a finite number >= 0, got " + v);
    }
    if (!Float.isFinite((float) v)) {
      throw new ConfigException(key, "is out of range for a 32-bit float, got " + v);
    }
    return (float) v;
  }
}
