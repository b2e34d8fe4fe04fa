package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.paretoprune.core.param.ParameterRef;
import java.util.List;

/**
 * Keep-masks for a list of parameters, kept apart from the weights (as PyTorch's {@code
 * weight_mask}): entry 1 keeps the weight, 0 prunes it. The arrays have the weights' shapes and
 * floating type, so applying one is a single in-place multiply (a boolean mask would force a type
 * promotion that costs about as much as computing the mask).
 */
public final class Mask implements AutoCloseable {
  private final List<String> names;
  private final List<NDArray> keep;

  /**
   * @param names the parameters' stable names, e.g. {@code dense1.weight}
   * @param keep one keep array per name
   */
  public Mask(List<String> names, List<NDArray> keep) {
    if (names.size() != keep.size()) {
      throw new IllegalArgumentException(
          names.size() + " parameter names for " + keep.size() + " mask arrays");
    }
    this.names = List.copyOf(names);
    this.keep = List.copyOf(keep);
  }

  public int size() {
    return keep.size();
  }

  public String name(int i) {
    return names.get(i);
  }

  public NDArray keep(int i) {
    return keep.get(i);
  }

  /** Multiplies every parameter by its keep array, in place. */
  public void applyTo(List<ParameterRef> params) {
    if (params.size() != keep.size()) {
      throw new IllegalArgumentException(
          "mask for " + keep.size() + " parameters applied to " + params.size());
    }
    for (int i = 0; i < keep.size(); i++) {
      ParameterRef p = params.get(i);
      if (!p.name().equals(names.get(i))) {
        throw new IllegalArgumentException(
            "mask entry " + i + " is for " + names.get(i) + ", not " + p.name());
      }
      p.array().muli(keep.get(i));
    }
  }

  /** Keeps only what both masks keep: this mask becomes the intersection, in place. */
  public void retain(Mask other) {
    if (other.size() != size()) {
      throw new IllegalArgumentException(
          "cannot intersect masks of " + size() + " and " + other.size() + " parameters");
    }
    for (int i = 0; i < keep.size(); i++) {
      keep.get(i).muli(other.keep(i));
    }
  }

  /** Takes the arrays out of the current {@link NDScope} so they outlive it; returns this. */
  public Mask detach() {
    for (NDArray a : keep) {
      NDScope.unregister(a);
    }
    return this;
  }

  /** Entries pruned in parameter {@code i} (reads back from the engine: for reports and tests). */
  public long pruned(int i) {
    NDArray a = keep.get(i);
    try (NDArray nz = a.countNonzero()) {
      return a.size() - nz.getLong();
    }
  }

  @Override
  public void close() {
    for (NDArray a : keep) {
      a.close();
    }
  }
}
