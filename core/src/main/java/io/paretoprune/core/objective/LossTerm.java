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

  /**
   * Whether {@link #evaluatePerRun} is implemented: only then can runs with this loss train packed
   * into one network.
   */
  default boolean packable() {
    return false;
  }

  /**
   * The mean loss of each of R runs over its own batch, {@code [R]}, from outputs with a leading
   * run axis: what {@link #evaluate} gives for each run alone.
   *
   * @param logits {@code [R, batch, classes]}
   * @param labels {@code [R, batch]}
   */
  default NDArray evaluatePerRun(NDArray logits, NDArray labels) {
    throw new UnsupportedOperationException(name() + " has no per-run form: its runs train alone");
  }
}
