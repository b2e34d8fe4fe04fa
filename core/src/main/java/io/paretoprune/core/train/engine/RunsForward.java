package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.objective.LossTerm;

/**
 * How the R runs of one step get their outputs and data-loss gradients: the only part in which a
 * lone run ({@link LoneForward}: the plain block) and a pack ({@link PackForward}: a model's
 * packer) differ. Everything else of a step, the penalties, the Gram products, the combiners, the
 * step rules and the hooks, is {@link StepEngine}'s, once for both.
 *
 * <p>Arrays with a run axis: when {@link #stacked()}, outputs and labels carry R as their leading
 * axis ({@code [R, B, ...]}); a lone run's carry none ({@code [B, ...]}), so that its step makes
 * exactly the native calls a plain training loop makes.
 */
interface RunsForward {
  /** Whether outputs and labels carry a leading run axis. */
  boolean stacked();

  /** The step's examples as the forward pass takes them, from {@code R x B} gathered rows. */
  NDArray batch(NDArray gathered, int runs, int batchSize);

  /** Zeroes the gradients of every run's parameters (PyTorch accumulates them otherwise). */
  void zeroGradients();

  /** Every run's outputs on its batch, recorded for autograd. */
  NDArray forward(NDArray x);

  /**
   * Every run's mean data loss on its batch: a scalar for a lone run, {@code [R]} for a pack (their
   * sum is what is differentiated: run r's weights see only run r's loss).
   */
  NDArray loss(LossTerm term, NDArray outputs, NDArray labels);

  /** After backward: the data-loss gradient of every run, {@code [R, P]}. */
  NDArray gradient();
}
