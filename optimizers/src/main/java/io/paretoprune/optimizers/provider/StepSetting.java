package io.paretoprune.optimizers.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.optimizers.step.StepKind;
import io.paretoprune.optimizers.step.StepRules;

/** The key {@code step} of optimizers that let the user pick the step rule. */
final class StepSetting {
  static final String DESCRIPTION =
      "step rule: " + String.join(" | ", StepKind.ids()) + " (default sgd)";

  private StepSetting() {}

  /** The chosen step rule; fails on a setting that belongs to another one. */
  static StepKind read(PluginSettings settings) {
    StepKind step = StepKind.byId(settings.getChoice("step", StepKind.SGD.id(), StepKind.ids()));
    StepRules.rejectOtherRulesKeys(step, settings);
    return step;
  }
}
