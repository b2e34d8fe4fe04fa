package io.paretoprune.models.sparse;

import java.util.concurrent.ForkJoinPool;
import java.util.stream.IntStream;

/**
 * A CSR layer on feature-major activations: output row {@code r} starts at its bias and adds, per
 * nonzero {@code (r, c, v)}, {@code v * x[c][0..batch)}: an axpy over the batch that C2
 * auto-vectorises (plain Java arrays; the incubating Vector API would need {@code --add-modules}
 * and prints a warning at every start). The nonzeros of a row are added in column order, as a dense
 * dot product does, so the result equals the dense one up to float rounding of the zeros it skips
 * (none: adding {@code 0 * x} leaves a finite sum unchanged).
 *
 * <p>With a pool, rows are split into one contiguous block per worker.
 */
final class CsrBatchKernel implements DenseLayerKernel {
  private final int rows;
  private final float[] values;
  private final int[] columns;
  private final int[] pointers;
  private final float[] bias;
  private final ForkJoinPool pool;

  CsrBatchKernel(CsrMatrix kernel, float[] bias, ForkJoinPool pool) {
    this.rows = kernel.rows();
    this.values = kernel.values();
    this.columns = kernel.columns();
    this.pointers = kernel.rowPointers();
    this.bias = bias.clone();
    this.pool = pool;
  }

  int rows() {
    return rows;
  }

  /** What the layer's CSR form stores: 4-byte values, columns, row pointers and biases. */
  long storedBytes() {
    return 4L * (2L * values.length + pointers.length + bias.length);
  }

  @Override
  public String name() {
    return pool == null ? "csr" : "csr-parallel";
  }

  @Override
  public float[][] apply(float[][] x, int batch) {
    float[][] y = new float[rows][];
    if (pool == null || batch == 1) {
      rows(x, batch, y, 0, rows);
    } else {
      int parts = pool.getParallelism();
      int step = (rows + parts - 1) / parts;
      pool.submit(
              () ->
                  IntStream.range(0, parts)
                      .parallel()
                      .forEach(p -> rows(x, batch, y, p * step, Math.min(rows, (p + 1) * step))))
          .join();
    }
    return y;
  }

  private void rows(float[][] x, int batch, float[][] y, int from, int to) {
    for (int r = from; r < to; r++) {
      float[] acc = new float[batch];
      if (batch == 1) {
        float sum = 0f;
        for (int k = pointers[r]; k < pointers[r + 1]; k++) {
          sum += values[k] * x[columns[k]][0];
        }
        acc[0] = sum + bias[r];
      } else {
        for (int k = pointers[r]; k < pointers[r + 1]; k++) {
          axpy(values[k], x[columns[k]], acc, batch);
        }
        float b0 = bias[r];
        for (int b = 0; b < batch; b++) {
          acc[b] += b0;
        }
      }
      y[r] = acc;
    }
  }

  /** {@code acc += v * x}, same index on both arrays so that C2 vectorises it. */
  private static void axpy(float v, float[] x, float[] acc, int n) {
    for (int b = 0; b < n; b++) {
      acc[b] += v * x[b];
    }
  }
}
