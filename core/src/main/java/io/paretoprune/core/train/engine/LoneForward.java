package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.objective.LossTerm;

/** One run: the plain block on its batch, its gradient as the one row of a {@code [1, P]}. */
final class LoneForward implements RunsForward {
  private final Block block;
  private final ParameterStore store;
  private final FlatParameters flat;

  LoneForward(Block block, ParameterStore store, FlatParameters flat) {
    this.block = block;
    this.store = store;
    this.flat = flat;
  }

  @Override
  public boolean stacked() {
    return false;
  }

  @Override
  public NDArray batch(NDArray gathered, int runs, int batchSize) {
    return gathered;
  }

  @Override
  public void zeroGradients() {
    flat.zeroGradient();
  }

  @Override
  public NDArray forward(NDArray x) {
    return block.forward(store, new NDList(x), true).singletonOrThrow();
  }

  @Override
  public NDArray loss(LossTerm term, NDArray outputs, NDArray labels) {
    return term.evaluate(outputs, labels);
  }

  @Override
  public NDArray gradient() {
    return flat.gradient().reshape(1, -1);
  }
}
