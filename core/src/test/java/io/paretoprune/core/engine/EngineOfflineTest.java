package io.paretoprune.core.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.util.Utils;
import org.junit.jupiter.api.Test;

/** The PyTorch engine loads from the jars on the classpath with DJL's offline switch on. */
class EngineOfflineTest {
  @Test
  void pytorchLoadsOfflineAndComputes() {
    Engine engine = EngineSetup.pytorchOffline();
    assertTrue(Utils.isOfflineMode());
    assertEquals("PyTorch", engine.getEngineName());
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray a = m.create(new float[] {1, 2, 3, 4}, new ai.djl.ndarray.types.Shape(2, 2));
      assertArrayEquals(new float[] {7, 10, 15, 22}, a.matMul(a).toFloatArray());
    }
  }
}
