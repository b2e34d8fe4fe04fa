package io.paretoprune.core.train.seam;

import ai.djl.ndarray.NDList;

/** Runs around optimizer steps: pruning plugs in here and never sees which optimizer ran. */
public interface StepHook {
  /** Once, after initialisation and before the first step. */
  default void beforeTraining(HookContext context) {}

  /** After every optimizer step. */
  void afterStep(HookContext context);

  /**
   * State an epoch checkpoint must keep for this hook (a fixed pruning mask, say); empty for a hook
   * whose next steps depend only on the weights.
   */
  default NDList saveState() {
    return new NDList();
  }

  /**
   * Called instead of {@link #beforeTraining} when a run resumes from a checkpoint, with what
   * {@link #saveState} returned then (attached to the trainer's manager).
   */
  default void resume(HookContext context, NDList state) {}
}
