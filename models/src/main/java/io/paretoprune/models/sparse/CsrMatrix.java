package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDArray;
import java.util.Arrays;

/**
 * A sparse matrix in compressed sparse row form: the nonzeros of row {@code r} are {@code
 * values[k]} at columns {@code columns[k]} for {@code k} in {@code [rowPointers[r],
 * rowPointers[r+1])}. Exact zeros (also {@code -0.0}) are left out.
 *
 * <p>Written by hand on plain arrays because DJL's PyTorch engine has no CSR format ({@code
 * createCSR} and {@code toSparse(CSR)} throw); it offers COO tensors only, and every call crosses
 * JNI, which at batch size 1 costs more than the arithmetic of a pruned layer.
 */
public final class CsrMatrix {
  private final int rows;
  private final int cols;
  private final float[] values;
  private final int[] columns;
  private final int[] rowPointers;

  private CsrMatrix(int rows, int cols, float[] values, int[] columns, int[] rowPointers) {
    this.rows = rows;
    this.cols = cols;
    this.values = values;
    this.columns = columns;
    this.rowPointers = rowPointers;
  }

  /** The nonzeros of a dense {@code rows x cols} matrix stored row by row. */
  public static CsrMatrix fromDense(float[] rowMajor, int rows, int cols) {
    if (rows < 0 || cols < 0 || (long) rows * cols != rowMajor.length) {
      throw new IllegalArgumentException(
          rows + "x" + cols + " does not fit " + rowMajor.length + " values");
    }
    int nnz = 0;
    for (float v : rowMajor) {
      if (v != 0f) {
        nnz++;
      }
    }
    float[] values = new float[nnz];
    int[] columns = new int[nnz];
    int[] pointers = new int[rows + 1];
    int k = 0;
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        float v = rowMajor[r * cols + c];
        if (v != 0f) {
          values[k] = v;
          columns[k++] = c;
        }
      }
      pointers[r + 1] = k;
    }
    return new CsrMatrix(rows, cols, values, columns, pointers);
  }

  /**
   * A DJL {@code Linear} kernel, which is stored {@code [out, in]}: row {@code r} holds the weights
   * into output unit {@code r}, so {@code y = K x} is the layer's product.
   */
  public static CsrMatrix fromKernel(NDArray kernel) {
    long[] shape = kernel.getShape().getShape();
    if (shape.length != 2) {
      throw new IllegalArgumentException(
          "a dense kernel is 2-D [out, in], got shape " + kernel.getShape());
    }
    return fromDense(kernel.toFloatArray(), (int) shape[0], (int) shape[1]);
  }

  public int rows() {
    return rows;
  }

  public int cols() {
    return cols;
  }

  /** Stored nonzeros. */
  public int nnz() {
    return values.length;
  }

  /** {@code nnz / (rows * cols)}. */
  public double density() {
    long size = (long) rows * cols;
    return size == 0 ? 0 : (double) values.length / size;
  }

  public float[] values() {
    return values.clone();
  }

  public int[] columns() {
    return columns.clone();
  }

  public int[] rowPointers() {
    return rowPointers.clone();
  }

  /** {@code y = A x} for one vector; {@code y} is overwritten. */
  public void multiply(float[] x, float[] y) {
    check(x.length, cols, "x");
    check(y.length, rows, "y");
    for (int r = 0; r < rows; r++) {
      float sum = 0f;
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        sum += values[k] * x[columns[k]];
      }
      y[r] = sum;
    }
  }

  /**
   * {@code Y = A X} for a batch stored feature-major: {@code x[c * batch + b]} is feature {@code c}
   * of example {@code b}, and {@code y[r * batch + b]} receives output {@code r}. Each nonzero adds
   * a scaled contiguous run of {@code batch} values (an axpy the JIT vectorises), so no transposes
   * are needed between layers. {@code y} is overwritten.
   */
  public void multiplyFeatureMajor(float[] x, int batch, float[] y) {
    check(x.length, (long) cols * batch, "x");
    check(y.length, (long) rows * batch, "y");
    Arrays.fill(y, 0f);
    for (int r = 0; r < rows; r++) {
      int out = r * batch;
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        float v = values[k];
        int in = columns[k] * batch;
        for (int b = 0; b < batch; b++) {
          y[out + b] += v * x[in + b];
        }
      }
    }
  }

  /** The dense matrix, row by row. */
  public float[] toDense() {
    float[] dense = new float[rows * cols];
    for (int r = 0; r < rows; r++) {
      for (int k = rowPointers[r]; k < rowPointers[r + 1]; k++) {
        dense[r * cols + columns[k]] = values[k];
      }
    }
    return dense;
  }

  private static void check(int actual, long expected, String what) {
    if (actual != expected) {
      throw new IllegalArgumentException(what + " has " + actual + " values, expected " + expected);
    }
  }

  @Override
  public String toString() {
    return "CsrMatrix[" + rows + "x" + cols + ", nnz=" + values.length + "]";
  }
}
