package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import java.util.SplittableRandom;
import org.junit.jupiter.api.Test;

class CsrMatrixTest {
  //  [ 1  0  2  0 ]
  //  [ 0  0  0  0 ]
  //  [ 0 -3  0  4 ]
  private static final float[] A = {1, 0, 2, 0, 0, 0, 0, 0, 0, -3, 0, 4};

  @Test
  void storesNonzerosRowByRow() {
    CsrMatrix m = CsrMatrix.fromDense(A, 3, 4);
    assertEquals(3, m.rows());
    assertEquals(4, m.cols());
    assertEquals(4, m.nnz());
    assertArrayEquals(new float[] {1, 2, -3, 4}, m.values());
    assertArrayEquals(new int[] {0, 2, 1, 3}, m.columns());
    assertArrayEquals(new int[] {0, 2, 2, 4}, m.rowPointers());
    assertEquals(4 / 12.0, m.density());
    assertArrayEquals(A, m.toDense());
  }

  @Test
  void negativeZeroIsNotStored() {
    CsrMatrix m = CsrMatrix.fromDense(new float[] {-0f, 0f, 5f, -0f}, 2, 2);
    assertEquals(1, m.nnz());
    assertArrayEquals(new int[] {0, 0, 1}, m.rowPointers());
  }

  @Test
  void matVecMatchesTheDenseProduct() {
    CsrMatrix m = CsrMatrix.fromDense(A, 3, 4);
    float[] y = {9, 9, 9};
    m.multiply(new float[] {1, 2, 3, 4}, y);
    assertArrayEquals(new float[] {1 + 6, 0, -6 + 16}, y);
  }

  @Test
  void featureMajorBatchMatchesNaiveProductOnRandomSparseMatrix() {
    SplittableRandom r = new SplittableRandom(3);
    int rows = 37;
    int cols = 53;
    int batch = 9;
    float[] dense = new float[rows * cols];
    for (int i = 0; i < dense.length; i++) {
      dense[i] = r.nextDouble() < 0.1 ? (float) r.nextDouble(-1, 1) : 0f;
    }
    float[] x = new float[cols * batch]; // feature-major
    for (int i = 0; i < x.length; i++) {
      x[i] = (float) r.nextDouble(-1, 1);
    }
    CsrMatrix m = CsrMatrix.fromDense(dense, rows, cols);
    float[] y = new float[rows * batch];
    m.multiplyFeatureMajor(x, batch, y);
    for (int i = 0; i < rows; i++) {
      for (int b = 0; b < batch; b++) {
        double expected = 0;
        for (int c = 0; c < cols; c++) {
          expected += (double) dense[i * cols + c] * x[c * batch + b];
        }
        assertEquals(expected, y[i * batch + b], 1e-5, "row " + i + " example " + b);
      }
    }
  }

  @Test
  void allZeroMatrixGivesZeros() {
    CsrMatrix m = CsrMatrix.fromDense(new float[6], 2, 3);
    assertEquals(0, m.nnz());
    float[] y = {1, 1};
    m.multiply(new float[] {1, 2, 3}, y);
    assertArrayEquals(new float[] {0, 0}, y);
  }

  @Test
  void djlKernelRowsAreOutputUnits() {
    EngineSetup.pytorchOffline();
    try (NDManager nd = NDManager.newBaseManager()) {
      // Linear kernel [out = 3, in = 4]
      CsrMatrix m = CsrMatrix.fromKernel(nd.create(A, new Shape(3, 4)));
      assertEquals(3, m.rows());
      assertEquals(4, m.cols());
      assertArrayEquals(A, m.toDense());
      IllegalArgumentException e =
          assertThrows(
              IllegalArgumentException.class,
              () -> CsrMatrix.fromKernel(nd.zeros(new Shape(2, 2, 3))));
      assertTrue(e.getMessage().contains("2-D"), e.getMessage());
    }
  }

  @Test
  void wrongSizesAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> CsrMatrix.fromDense(new float[5], 2, 3));
    CsrMatrix m = CsrMatrix.fromDense(A, 3, 4);
    assertThrows(IllegalArgumentException.class, () -> m.multiply(new float[3], new float[3]));
    assertThrows(
        IllegalArgumentException.class,
        () -> m.multiplyFeatureMajor(new float[8], 2, new float[5]));
  }
}
