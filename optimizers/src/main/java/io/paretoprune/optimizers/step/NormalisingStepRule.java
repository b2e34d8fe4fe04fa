package io.paretoprune.optimizers.step;

import io.paretoprune.core.train.StepApplication;
import io.paretoprune.optimizers.StepRuleProvider;
import io.paretoprune.optimizers.schedule.Schedule;

/**
 * What Adam and RMSProp share as the original uses them: lr 0.001 (Keras' default), the logistic
 * epoch schedule without decay, and one state per objective when paired with an adaptive combiner
 * (the original MAdam and MRMSProp normalise each objective's gradient before weighting).
 */
abstract class NormalisingStepRule implements StepRuleProvider {
  private final String name;
  private final String description;

  NormalisingStepRule(String name, String description) {
    this.name = name;
    this.description = description;
  }

  @Override
  public String name() {
    return name;
  }

  @Override
  public String description() {
    return description;
  }

  @Override
  public double defaultLearningRate() {
    return 0.001;
  }

  @Override
  public Schedule defaultSchedule() {
    return Schedule.LOGISTIC;
  }

  @Override
  public StepApplication multiObjectiveApplication() {
    return StepApplication.PER_OBJECTIVE;
  }
}
