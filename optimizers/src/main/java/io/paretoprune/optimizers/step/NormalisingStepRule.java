package io.paretoprune.optimizers.step;

import io.paretoprune.core.plugin.NamedPlugin;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.optimizers.StepRuleProvider;
import io.paretoprune.optimizers.schedule.Schedule;

/**
 * What Adam and RMSProp share as the original uses them: lr 0.001 (Keras' default), the logistic
 * epoch schedule without decay, and one state per objective when paired with an adaptive combiner
 * (the original MAdam and MRMSProp normalise each objective's gradient before weighting).
 */
abstract class NormalisingStepRule extends NamedPlugin implements StepRuleProvider {

  NormalisingStepRule(String name, String description) {
    super(name, description);
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
