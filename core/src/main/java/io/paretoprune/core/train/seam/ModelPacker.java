package io.paretoprune.core.train.seam;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import java.util.function.Function;

/**
 * Turns one architecture into a network that computes R independent copies of it with the same
 * native calls: convolutions grouped by run, dense layers as batched matrix products (the idea of
 * ensembling with {@code vmap} and stacked module state in JAX and torch.func). A model offers one
 * when its forward pass is deterministic (no dropout: R runs share one engine generator).
 */
public interface ModelPacker {

  /**
   * @param lone one run's network: its structure (every run of a pack has the same)
   * @param leaves for each parameter of {@code lone}, the packed leaf: shape {@code [R, ...the
   *     parameter's shape]}, row r holding run r's values
   * @param runs R
   */
  PackedForward pack(Block lone, Function<Parameter, NDArray> leaves, int runs);

  /** The packed forward pass. */
  interface PackedForward {
    /**
     * @param x {@code [R, B, C, H, W]}: run r's batch in row r
     * @return logits {@code [R, B, classes]}
     */
    NDArray forward(NDArray x);
  }
}
