package io.paretoprune.core.train.result;

/**
 * Sparsity of one parameter array at the end of an epoch.
 *
 * @param parameter stable name, e.g. {@code dense1.weight}
 * @param size number of entries
 * @param nonzeros entries different from 0
 * @param l1 sum of absolute values
 */
public record LayerStats(String parameter, String kind, long size, long nonzeros, double l1) {
  public double sparsity() {
    return size == 0 ? 0 : 1.0 - (double) nonzeros / size;
  }
}
