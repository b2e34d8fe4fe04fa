package io.paretoprune.core.train;

/** Runs around optimizer steps: pruning plugs in here and never sees which optimizer ran. */
public interface StepHook {
  /** Once, after initialisation and before the first step. */
  default void beforeTraining(HookContext context) {}

  /** After every optimizer step. */
  void afterStep(HookContext context);
}
