package io.paretoprune.optimizers;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.optimizers.schedule.Schedule;

/**
 * The step-rule seam: how a direction moves the weights. A step rule is a DJL {@link Optimizer}
 * built around the run's learning-rate schedule; the framework reads the common keys {@code lr},
 * {@code schedule} and {@code decay} itself and hands the rule its tracker. Register an
 * implementation in {@code META-INF/services/io.paretoprune.optimizers.StepRuleProvider}.
 *
 * <p>The rule's update must be linear in the learning rate it reads from the tracker (SGD, Adam,
 * RMSProp all are): applied {@link StepApplication#PER_OBJECTIVE per objective}, the trainer scales
 * each objective's tracker by the combiner's weight.
 */
public interface StepRuleProvider extends Plugin {
  /**
   * A new DJL optimizer; called once per run, or once per (group, objective) when applied per
   * objective.
   *
   * @param settings only this rule's own keys (not lr, schedule, decay, apply)
   * @param learningRate the run's schedule
   * @throws io.paretoprune.core.plugin.ConfigException naming the bad key
   */
  Optimizer create(PluginSettings settings, Tracker learningRate);

  /** The learning rate when a suite gives none. */
  double defaultLearningRate();

  /** The schedule when a suite gives none. */
  default Schedule defaultSchedule() {
    return Schedule.CONSTANT;
  }

  /**
   * Where the rule meets the objectives when paired with an adaptive combiner and the suite says
   * nothing: {@link StepApplication#COMBINED} (one state on {@code d}) unless the rule normalises
   * per coordinate and the method it stands for keeps one state per objective (the original MAdam
   * and MRMSProp). A fixed weighting always uses {@link StepApplication#COMBINED} by default.
   */
  default StepApplication multiObjectiveApplication() {
    return StepApplication.COMBINED;
  }
}
