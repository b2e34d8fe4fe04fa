package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;

/** A data-dependent term, differentiated by autograd. */
public interface LossTerm {
  /** Short name for logs, e.g. {@code cross_entropy}. */
  String name();

  /**
   * The mean loss over the batch as a scalar, recorded by the gradient collector.
   *
   * @param logits network outputs before softmax, [batch, classes]
   * @param labels class indices, [batch]
   */
  NDArray evaluate(NDArray logits, NDArray labels);
}
