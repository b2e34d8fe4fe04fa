package io.paretoprune.models.store;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterRef;

/**
 * How sparse one saved parameter is.
 *
 * @param name stable name, e.g. {@code dense1.weight}
 * @param kind {@code DENSE_KERNEL}, {@code STATE}, ...
 * @param shape its shape
 * @param size number of entries
 * @param nonzeros entries that are not exactly 0
 * @param sparsity fraction of entries that are 0: {@code 1 - nonzeros / size}
 */
public record ParameterSparsity(
    String name, String kind, long[] shape, long size, long nonzeros, double sparsity) {

  static ParameterSparsity of(ParameterRef p) {
    NDArray a = p.array();
    long nonzeros;
    try (NDArray count = a.countNonzero()) {
      nonzeros = count.getLong();
    }
    long size = a.size();
    double sparsity = size == 0 ? 0 : 1 - (double) nonzeros / size;
    return new ParameterSparsity(
        p.name(), p.kind().name(), a.getShape().getShape(), size, nonzeros, sparsity);
  }
}
