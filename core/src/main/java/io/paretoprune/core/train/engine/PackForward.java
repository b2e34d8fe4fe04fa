package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.objective.LossTerm;
import io.paretoprune.core.train.seam.ModelPacker;
import java.util.List;

/**
 * R runs of one architecture as one packed network ({@link ModelPacker}): one forward and one
 * backward pass for all of them, convolutions grouped by run and dense layers as batched products.
 * The packed leaves are views of the pack's weight columns, so their gradients, concatenated, are
 * the runs' gradients row by row.
 */
final class PackForward implements RunsForward {
  private final ModelPacker.PackedForward forward;
  private final List<NDArray> leaves;
  private final int runs;

  PackForward(ModelPacker.PackedForward forward, List<NDArray> leaves, int runs) {
    this.forward = forward;
    this.leaves = List.copyOf(leaves);
    this.runs = runs;
  }

  @Override
  public boolean stacked() {
    return true;
  }

  @Override
  public NDArray batch(NDArray gathered, int runs, int batchSize) {
    Shape xs = gathered.getShape();
    long[] dims = new long[xs.dimension() + 1];
    dims[0] = runs;
    dims[1] = batchSize;
    System.arraycopy(xs.getShape(), 1, dims, 2, xs.dimension() - 1);
    return gathered.reshape(new Shape(dims));
  }

  @Override
  public void zeroGradients() {
    for (NDArray leaf : leaves) {
      Gradients.zero(leaf);
    }
  }

  @Override
  public NDArray forward(NDArray x) {
    return forward.forward(x);
  }

  @Override
  public NDArray loss(LossTerm term, NDArray outputs, NDArray labels) {
    return term.evaluatePerRun(outputs, labels);
  }

  @Override
  public NDArray gradient() {
    NDList parts = new NDList(leaves.size());
    try {
      for (NDArray leaf : leaves) {
        try (NDArray g = leaf.getGradient()) {
          parts.add(g.reshape(runs, -1));
        }
      }
      return NDArrays.concat(parts, 1);
    } finally {
      parts.close();
    }
  }
}
