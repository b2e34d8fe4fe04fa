package io.paretoprune.core.train;

import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import java.util.Objects;

/**
 * The step rule of a run: a factory of DJL optimizers, the run's learning-rate schedule and where
 * the rule meets the objectives. With {@link StepApplication#PER_OBJECTIVE} the trainer builds one
 * optimizer per (group, objective), each with the schedule scaled by that objective's weight at
 * every step: for any rule whose update is linear in its learning rate this gives exactly {@code w
 * -= sum_i c_i * update_i}, and the state of each objective still sees every step (also at c_i =
 * 0).
 *
 * @param factory builds one DJL optimizer with the given learning-rate tracker
 * @param learningRate the run's schedule
 */
public record StepPlan(Factory factory, Tracker learningRate, StepApplication application) {
  public StepPlan {
    Objects.requireNonNull(factory, "factory");
    Objects.requireNonNull(learningRate, "learningRate");
    Objects.requireNonNull(application, "application");
  }

  /** Builds a DJL optimizer around a learning-rate tracker. */
  @FunctionalInterface
  public interface Factory {
    Optimizer create(Tracker learningRate);
  }

  /** The one optimizer of a {@link StepApplication#COMBINED} plan. */
  public Optimizer combinedRule() {
    return factory.create(learningRate);
  }
}
