package io.paretoprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TensorDatasetTest {
  private static NDManager m;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
    m = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    m.close();
  }

  private static TensorDataset sequences(int[] lengths) {
    NDArray x = m.arange(5 * 6 * 2f).reshape(5, 6, 2);
    return new TensorDataset(x, m.arange(5L), lengths);
  }

  @Test
  void batchesOfSequencesAreCutToTheirLongest() {
    TensorDataset d = sequences(new int[] {3, 6, 2, 4, 1});
    long[] rows = {0, 2, 4};
    NDArray g = d.gather(m.create(rows), rows);
    assertEquals(new Shape(3, 3, 2), g.getShape());
    assertArrayEquals(d.features().get("0, 0:3, :").toFloatArray(), g.get("0").toFloatArray(), 0f);
    assertEquals(new Shape(2, 4, 2), d.slice(2, 4).getShape());
    assertEquals(new Shape(2, 6, 2), d.slice(0, 2).getShape());
  }

  @Test
  void examplesOfOneSizeAreNotCut() {
    TensorDataset d = new TensorDataset(m.zeros(new Shape(4, 6, 2)), m.arange(4L));
    long[] rows = {1, 2};
    assertEquals(new Shape(2, 6, 2), d.gather(m.create(rows), rows).getShape());
    assertArrayEquals(new long[] {0, 1, 2, 3}, d.evaluationOrder());
  }

  @Test
  void evaluationWalksSequencesShortestFirst() {
    assertArrayEquals(
        new long[] {4, 2, 0, 3, 1}, sequences(new int[] {3, 6, 2, 4, 1}).evaluationOrder());
  }

  @Test
  void lengthsOutsideTheTensorAreRefused() {
    assertThrows(IllegalArgumentException.class, () -> sequences(new int[] {3, 7, 2, 4, 1}));
    assertThrows(IllegalArgumentException.class, () -> sequences(new int[] {3, 0, 2, 4, 1}));
    assertThrows(IllegalArgumentException.class, () -> sequences(new int[] {3, 2}));
  }
}
