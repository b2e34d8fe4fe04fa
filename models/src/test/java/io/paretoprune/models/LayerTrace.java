package io.paretoprune.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.List;

/** Runs a flat sequential network child by child and records each child's output shape. */
public final class LayerTrace {
  private LayerTrace() {}

  public static List<Shape> outputShapes(Network net, NDManager m, int batch) {
    SequentialBlock seq = (SequentialBlock) net.block();
    ParameterStore store = new ParameterStore(m, false);
    NDList x = new NDList(m.zeros(new Shape(batch).addAll(net.input().batchShape().slice(1))));
    List<Shape> out = new ArrayList<>();
    for (Pair<String, Block> child : seq.getChildren()) {
      x = child.getValue().forward(store, x, false);
      out.add(x.singletonOrThrow().getShape());
    }
    return out;
  }

  /** The input of child {@code index}: the children before it run on {@code x}. */
  public static NDArray inputOf(Network net, int index, NDArray x, boolean training) {
    SequentialBlock seq = (SequentialBlock) net.block();
    ParameterStore store = new ParameterStore(x.getManager(), false);
    NDList h = new NDList(x);
    for (int i = 0; i < index; i++) {
      h = seq.getChildren().get(i).getValue().forward(store, h, training);
    }
    return h.singletonOrThrow();
  }
}
