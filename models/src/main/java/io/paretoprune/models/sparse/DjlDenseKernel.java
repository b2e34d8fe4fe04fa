package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;

/**
 * A dense layer through libtorch's GEMM: {@code Y = K X + bias} with {@code X} the feature-major
 * batch as an {@code [in, batch]} matrix, so no transpose is needed on either side. Copies the
 * batch into and out of native memory per call, which the timing at calibration includes.
 */
final class DjlDenseKernel implements DenseLayerKernel {
  private final NDManager manager;
  private final NDArray kernel;
  private final NDArray bias;
  private final int in;

  DjlDenseKernel(float[] rowMajorKernel, int out, int in, float[] bias, NDManager manager) {
    this.manager = manager;
    this.kernel = manager.create(rowMajorKernel, new Shape(out, in));
    this.bias = manager.create(bias, new Shape(out, 1));
    this.in = in;
  }

  @Override
  public String name() {
    return "dense";
  }

  @Override
  public float[][] apply(float[][] x, int batch) {
    float[] packed = new float[in * batch];
    for (int c = 0; c < in; c++) {
      System.arraycopy(x[c], 0, packed, c * batch, batch);
    }
    float[] y;
    // Results attach to the kernel's manager; the scope closes them with the input's copy.
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray xs = manager.create(packed, new Shape(in, batch));
      y = kernel.matMul(xs).addi(bias).toFloatArray();
    }
    int out = y.length / batch;
    float[][] rows = new float[out][batch];
    for (int r = 0; r < out; r++) {
      System.arraycopy(y, r * batch, rows[r], 0, batch);
    }
    return rows;
  }
}
