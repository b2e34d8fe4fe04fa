package io.paretoprune.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.param.ParameterRef;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * All trainable parameters of a network as slices of one flat array.
 *
 * <p>Why: per step the multi-objective rule needs dot products over all parameters, and the step
 * rule, gradient zeroing and pruning each touch every parameter. With one flat leaf array the
 * gradient of the whole network is one array, a Gram entry is one dot product and an SGD or Adam
 * update is one fused native call, instead of one call per parameter array (DJL has no flat
 * parameter buffer of its own; this is the same idea as apex's / DeepSpeed's flattened params).
 *
 * <p>How: the values are copied into the flat array {@code W}, which alone requires gradients; each
 * DJL {@link Parameter} is then re-initialised with a view of its slice of {@code W}, made in
 * gradient mode, so blocks read their weights through autograd-connected views and backward
 * accumulates into {@code W}'s gradient. Code that reads or writes {@code parameter.getArray()}
 * (pruning, statistics, saving) sees and changes {@code W} itself.
 */
public final class FlatParameters {
  private final NDArray flat;
  private final List<ParameterRef> order;
  private final long[] offsets;
  private final Map<String, Integer> indexById = new HashMap<>();

  private FlatParameters(NDArray flat, List<ParameterRef> order, long[] offsets) {
    this.flat = flat;
    this.order = List.copyOf(order);
    this.offsets = offsets;
    for (int i = 0; i < order.size(); i++) {
      indexById.put(order.get(i).id(), i);
    }
  }

  /**
   * Moves the parameters, in the given order, into one flat array owned by {@code manager}. Their
   * current values are kept.
   */
  public static FlatParameters adopt(List<ParameterRef> order, NDManager manager) {
    long[] offsets = new long[order.size() + 1];
    for (int i = 0; i < order.size(); i++) {
      offsets[i + 1] = offsets[i] + order.get(i).size();
    }
    NDArray flat = manager.zeros(new Shape(offsets[order.size()]), DataType.FLOAT32);
    for (int i = 0; i < order.size(); i++) {
      try (NDArray values = order.get(i).array().reshape(-1)) {
        flat.set(slice(offsets[i], offsets[i + 1]), values);
      }
    }
    flat.setRequiresGradient(true);
    // Views made in gradient mode stay connected to the flat leaf for every later backward pass.
    try (GradientCollector ignored = Engine.getInstance().newGradientCollector()) {
      for (int i = 0; i < order.size(); i++) {
        Parameter p = order.get(i).parameter();
        Shape shape = p.getArray().getShape();
        NDArray view = flat.get(slice(offsets[i], offsets[i + 1])).reshape(shape);
        p.close();
        p.setInitializer((m, s, t) -> view);
        p.initialize(manager, DataType.FLOAT32);
      }
    }
    return new FlatParameters(flat, order, offsets);
  }

  static NDIndex slice(long from, long to) {
    return new NDIndex().addSliceDim(from, to);
  }

  /** The flat leaf array the step rule updates. */
  public NDArray array() {
    return flat;
  }

  /** The gradient of the whole network, flat (a new handle on the engine's buffer). */
  NDArray gradient() {
    return flat.getGradient();
  }

  void zeroGradient() {
    Gradients.zero(flat);
  }

  public long size() {
    return offsets[offsets.length - 1];
  }

  public List<ParameterRef> order() {
    return order;
  }

  /** Start of the parameter with DJL id {@code id} in the flat array, or -1. */
  public long offsetOf(String id) {
    Integer i = indexById.get(id);
    return i == null ? -1 : offsets[i];
  }

  /**
   * A view of the flat array covering exactly {@code params}, if they occupy one contiguous range
   * (in any order); empty otherwise.
   */
  public java.util.Optional<NDArray> contiguous(List<ParameterRef> params) {
    if (params.isEmpty()) {
      return java.util.Optional.empty();
    }
    long from = Long.MAX_VALUE;
    long to = Long.MIN_VALUE;
    long total = 0;
    for (ParameterRef p : params) {
      Integer i = indexById.get(p.id());
      if (i == null) {
        return java.util.Optional.empty();
      }
      from = Math.min(from, offsets[i]);
      to = Math.max(to, offsets[i + 1]);
      total += offsets[i + 1] - offsets[i];
    }
    return total == to - from
        ? java.util.Optional.of(flat.get(slice(from, to)))
        : java.util.Optional.empty();
  }

  long offset(int i) {
    return offsets[i];
  }

  long end(int i) {
    return offsets[i + 1];
  }
}
