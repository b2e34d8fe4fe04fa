package io.paretoprune.pruning;

import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepHook;

/** The baseline: a hook that leaves every weight alone. */
public final class NoPruning implements StepHook {
  @Override
  public void afterStep(HookContext context) {}

  @Override
  public String toString() {
    return "no pruning";
  }
}
