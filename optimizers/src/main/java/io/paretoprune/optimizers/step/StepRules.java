package io.paretoprune.optimizers.step;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.schedule.InverseTimeDecayTracker;
import io.paretoprune.optimizers.schedule.Schedule;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Builds a step rule from a suite's settings: DJL's {@code Sgd} (momentum) and {@code Adam} where
 * they work on PyTorch, {@link NesterovSgd} and {@link RmsPropStep} where DJL's own do not. Every
 * bad value is a {@link ConfigException} naming its key.
 */
public final class StepRules {
  private StepRules() {}

  /**
   * The step rule of {@code kind} configured from {@code settings}.
   *
   * @param run the run's length, for the schedule and the default decay {@code lr / epochs}
   */
  public static Optimizer build(StepKind kind, PluginSettings settings, TrainingSchedule run) {
    Objects.requireNonNull(run, "training schedule");
    Tracker lr = tracker(kind, settings, run);
    return switch (kind) {
      case SGD -> {
        float momentum = unitInterval(settings, "momentum", 0.9);
        if (settings.getBoolean("nesterov", false)) {
          yield NesterovSgd.builder().setLearningRateTracker(lr).optMomentum(momentum).build();
        }
        yield Optimizer.sgd().setLearningRateTracker(lr).optMomentum(momentum).build();
      }
      case ADAM ->
          Optimizer.adam()
              .optLearningRateTracker(lr)
              .optBeta1(unitInterval(settings, "beta1", 0.9))
              .optBeta2(unitInterval(settings, "beta2", 0.999))
              .optEpsilon(positive(settings, "eps", 1e-7))
              .build();
      case RMSPROP ->
          RmsPropStep.builder()
              .setLearningRateTracker(lr)
              .optRho(unitInterval(settings, "rho", 0.9))
              .optEpsilon(positive(settings, "eps", 1e-7))
              .build();
    };
  }

  /** The learning-rate tracker from {@code lr}, {@code schedule} and {@code decay}. */
  public static Tracker tracker(StepKind kind, PluginSettings settings, TrainingSchedule run) {
    float lr = positive(settings, "lr", kind.defaultLearningRate());
    String id = settings.getChoice("schedule", kind.defaultSchedule().id(), Schedule.ids());
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

  /**
   * Fails on a key that belongs to another step rule than {@code kind} (say {@code beta1} with
   * {@code step: sgd}), for optimizers whose settings cover every step rule.
   */
  public static void rejectOtherRulesKeys(StepKind kind, PluginSettings settings) {
    for (String key : settings.asMap().keySet()) {
      if (kind.settings().containsKey(key)) {
        continue;
      }
      List<String> owners = new ArrayList<>();
      for (StepKind k : StepKind.values()) {
        if (k.settings().containsKey(key)) {
          owners.add(k.id());
        }
      }
      if (!owners.isEmpty()) {
        throw new ConfigException(
            key,
            "is a setting of step "
                + String.join(", ", owners)
                + ", not of step '"
                + kind.id()
                + "'; known for it: "
                + String.join(", ", kind.settings().keySet()));
      }
    }
  }

  static float positive(PluginSettings s, String key, double fallback) {
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

  static float unitInterval(PluginSettings s, String key, double fallback) {
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
