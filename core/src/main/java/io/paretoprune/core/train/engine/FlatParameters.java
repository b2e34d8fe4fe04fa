package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.param.ParameterRef;
import java.util.ArrayList;
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
 * <p>How: the values are copied into the flat array {@code W}; each DJL {@link Parameter} is then
 * re-initialised with a view of its slice of {@code W}, made outside gradient mode and marked as
 * requiring gradients, so every parameter is an autograd leaf that shares its storage with {@code
 * W}. Code that reads or writes {@code parameter.getArray()} (pruning, statistics, saving) and the
 * step rule updating {@code W} all see the same numbers. The gradient is gathered into one flat
 * array with a single concatenation after backward. (Views made from a gradient-requiring {@code W}
 * would route every backward pass through one full-size scatter per parameter, which profiling
 * showed costs more than the concatenation.)
 */
public final class FlatParameters {
  private final NDArray flat;
  private final List<ParameterRef> order;
  private final long[] offsets;
  private final List<NDArray> leaves;
  private final Map<String, Integer> indexById = new HashMap<>();

  private FlatParameters(
      NDArray flat, List<NDArray> leaves, List<ParameterRef> order, long[] offsets) {
    this.flat = flat;
    this.leaves = List.copyOf(leaves);
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
    long total = 0;
    for (ParameterRef p : order) {
      total += p.size();
    }
    return adoptInto(order, manager.zeros(new Shape(total), DataType.FLOAT32), manager);
  }

  /**
   * Like {@link #adopt}, into an array the caller owns: a packed trainer gives every run a slice of
   * one array holding all runs' parameters, so that each run's layers, step rules and hooks work on
   * their own weights exactly as they would alone.
   *
   * @param flat a contiguous float array of exactly the parameters' total size
   */
  public static FlatParameters adoptInto(
      List<ParameterRef> order, NDArray flat, NDManager manager) {
    long[] offsets = new long[order.size() + 1];
    for (int i = 0; i < order.size(); i++) {
      offsets[i + 1] = offsets[i] + order.get(i).size();
    }
    if (flat.size() != offsets[order.size()]) {
      throw new IllegalArgumentException(
          "flat array of " + flat.size() + " values for " + offsets[order.size()] + " parameters");
    }
    for (int i = 0; i < order.size(); i++) {
      try (NDArray values = order.get(i).array().reshape(-1)) {
        flat.set(slice(offsets[i], offsets[i + 1]), values);
      }
    }
    List<NDArray> leaves = new ArrayList<>(order.size());
    for (int i = 0; i < order.size(); i++) {
      Parameter p = order.get(i).parameter();
      Shape shape = p.getArray().getShape();
      NDArray leaf;
      try (NDArray range = flat.get(slice(offsets[i], offsets[i + 1]))) {
        leaf = range.reshape(shape);
      }
      leaf.setRequiresGradient(true);
      leaves.add(leaf);
      p.close();
      p.setInitializer((m, s, t) -> leaf);
      p.initialize(manager, DataType.FLOAT32);
    }
    return new FlatParameters(flat, leaves, order, offsets);
  }

  static NDIndex slice(long from, long to) {
    return new NDIndex().addSliceDim(from, to);
  }

  /** The flat array the step rule updates; the parameters are views of it. */
  public NDArray array() {
    return flat;
  }

  /**
   * The gradient of the whole network as a new flat array (one concatenation of the parameters'
   * gradients, in layout order).
   */
  NDArray gradient() {
    NDList parts = new NDList(leaves.size());
    try {
      for (NDArray leaf : leaves) {
        try (NDArray g = leaf.getGradient()) {
          parts.add(g.reshape(-1));
        }
      }
      return NDArrays.concat(parts);
    } finally {
      parts.close();
    }
  }

  void zeroGradient() {
    for (NDArray leaf : leaves) {
      Gradients.zero(leaf);
    }
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
