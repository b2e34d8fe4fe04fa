package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.plugin.Plugin;
import java.util.Map;

/**
 * A data-dependent term, differentiated by autograd: the data loss an objective names in a suite
 * ({@code loss: cross_entropy}). A seam: register an implementation (public, with a public
 * no-argument constructor) in {@code META-INF/services/io.paretoprune.core.objective.LossTerm}.
 */
public interface LossTerm extends Plugin {
  /** Short name suites use, e.g. {@code cross_entropy}. */
  @Override
  String name();

  @Override
  default String description() {
    return name();
  }

  /** None: a loss is chosen by name. */
  @Override
  default Map<String, String> settings() {
    return Map.of();
  }

  /**
   * The mean loss over the batch as a scalar, recorded by the gradient collector.
   *
   * @param logits network outputs before softmax, [batch, classes] (a sequence task's: [batch,
   *     frames, classes])
   * @param labels the data set's labels of the batch: class indices [batch] for classification;
   *     whatever the data set and its task agree on otherwise
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
