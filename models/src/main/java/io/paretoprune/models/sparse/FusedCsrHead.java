package io.paretoprune.models.sparse;

import java.util.List;

/**
 * The whole sparse head for one example on plain {@code float[]}s, end to end: every layer's CSR
 * nonzeros in one contiguous array (values, columns, row pointers and biases of all layers back to
 * back), bias and activation applied as each output is summed, no per-layer objects and no NDArray.
 * At batch 1 a pruned head is a few thousand multiply-adds, so what the generic path spends around
 * them (feature-major arrays, a kernel call and an activation pass per layer) is the cost to cut.
 * Each output sums its nonzeros in column order from zero and then adds the bias, as {@link
 * CsrBatchKernel} does, so the logits are the same floats.
 */
final class FusedCsrHead {
  private final float[] values;
  private final int[] columns;

  /** Per layer {@code l}: its rows' pointers start at {@code rowStart[l]} in {@link #pointers}. */
  private final int[] pointers;

  private final int[] rowStart;
  private final int[] rows;
  private final float[] bias;
  private final int[] biasStart;

  /** Per layer, the activations after it, in order; empty for none. */
  private final HeadActivation[][] after;

  private final int inputs;
  private final int widest;

  FusedCsrHead(List<CsrMatrix> kernels, List<float[]> biases, List<List<HeadActivation>> acts) {
    int n = kernels.size();
    int nnz = kernels.stream().mapToInt(CsrMatrix::nnz).sum();
    int totalRows = kernels.stream().mapToInt(CsrMatrix::rows).sum();
    values = new float[nnz];
    columns = new int[nnz];
    pointers = new int[totalRows + n];
    rowStart = new int[n];
    rows = new int[n];
    bias = new float[totalRows];
    biasStart = new int[n];
    after = new HeadActivation[n][];
    int k = 0;
    int p = 0;
    int b = 0;
    int widest = 0;
    for (int l = 0; l < n; l++) {
      CsrMatrix m = kernels.get(l);
      System.arraycopy(m.values(), 0, values, k, m.nnz());
      System.arraycopy(m.columns(), 0, columns, k, m.nnz());
      rowStart[l] = p;
      rows[l] = m.rows();
      for (int ptr : m.rowPointers()) {
        pointers[p++] = ptr + k;
      }
      biasStart[l] = b;
      System.arraycopy(biases.get(l), 0, bias, b, m.rows());
      b += m.rows();
      k += m.nnz();
      after[l] =
          acts.get(l).stream()
              .filter(a -> a != HeadActivation.IDENTITY)
              .toArray(HeadActivation[]::new);
      widest = Math.max(widest, m.rows());
    }
    this.inputs = kernels.get(0).cols();
    this.widest = widest;
  }

  /**
   * @param x one example's features, {@code inputs} long
   * @return the logits, a new array
   */
  float[] forward(float[] x) {
    if (x.length != inputs) {
      throw new IllegalArgumentException("expected " + inputs + " inputs, got " + x.length);
    }
    float[] in = x;
    float[] a = new float[widest];
    float[] c = new float[widest];
    int last = rows.length - 1;
    for (int l = 0; l <= last; l++) {
      float[] out = l == last ? new float[rows[l]] : (in == a ? c : a);
      layer(l, in, out);
      in = out;
    }
    return in;
  }

  private void layer(int l, float[] x, float[] y) {
    int p = rowStart[l];
    int b0 = biasStart[l];
    HeadActivation[] acts = after[l];
    boolean relu = acts.length == 1 && acts[0] == HeadActivation.RELU;
    for (int r = 0, n = rows[l]; r < n; r++) {
      float sum = 0f;
      for (int k = pointers[p + r], end = pointers[p + r + 1]; k < end; k++) {
        sum += values[k] * x[columns[k]];
      }
      sum += bias[b0 + r];
      if (relu) {
        sum = Math.max(sum, 0f);
      } else {
        for (HeadActivation act : acts) {
          sum = act.apply(sum);
        }
      }
      y[r] = sum;
    }
  }
}
