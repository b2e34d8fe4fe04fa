package io.paretoprune.core.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.engine.EngineSetup;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class Cifar10ReaderTest {
  @TempDir Path dir;

  /** Writes {@code n} records with label i % 10 and pixel bytes derived from the record. */
  private static void batch(Path f, int n, int firstLabel) throws IOException {
    byte[] b = new byte[n * Cifar10Reader.RECORD];
    for (int r = 0; r < n; r++) {
      b[r * Cifar10Reader.RECORD] = (byte) ((firstLabel + r) % 10);
      for (int p = 1; p < Cifar10Reader.RECORD; p++) {
        b[r * Cifar10Reader.RECORD + p] =
            (byte) (p < 1025 ? 10 + r : p < 2049 ? 20 + 2 * r : 30 + r);
      }
    }
    Files.write(f, b);
  }

  private void all(int perBatch) throws IOException {
    for (String n : Cifar10Reader.TRAIN) {
      batch(dir.resolve(n), perBatch, 0);
    }
    batch(dir.resolve(Cifar10Reader.TEST), perBatch, 3);
  }

  @Test
  void readsTheBinaryLayoutAsNchw() throws IOException {
    all(4);
    DatasetSplits s = Datasets.get("cifar10").load(dir);
    assertEquals(20, s.train().count());
    assertEquals(3, s.train().channels());
    assertEquals(4, s.test().count());
    assertEquals(3, s.test().labels()[0]);
    assertEquals(10, s.train().pixels()[0]);
    assertEquals(20, s.train().pixels()[1024]);
    assertEquals(12, s.train().pixels()[2 * 3072]);
    assertEquals(31, s.train().pixels()[2 * 3072 - 1]);
  }

  @Test
  void zScoresWithTheTrainingStatistics() throws IOException {
    all(4);
    EngineSetup.pytorchOffline();
    DatasetSplits s = Datasets.get("cifar10").load(dir);
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] t = Normalization.ZSCORE.apply(m, s.train(), s.test());
      float[] means =
          t[0].features().transpose(1, 0, 2, 3).reshape(3, -1).mean(new int[] {1}).toFloatArray();
      for (float v : means) {
        assertEquals(0, v, 1e-4);
      }
      assertEquals(4, t[1].size());
    }
  }

  @Test
  void brokenFilesAreNamed() throws IOException {
    all(2);
    Files.write(dir.resolve("data_batch_3.bin"), new byte[100]);
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> Cifar10Reader.train(dir));
    assertTrue(
        e.getMessage().contains("data_batch_3.bin: 100 bytes is not a whole number"),
        e.getMessage());
    batch(dir.resolve("data_batch_3.bin"), 2, 0);
    byte[] b = Files.readAllBytes(dir.resolve("test_batch.bin"));
    b[Cifar10Reader.RECORD] = 11;
    Files.write(dir.resolve("test_batch.bin"), b);
    e = assertThrows(DatasetFormatException.class, () -> Cifar10Reader.test(dir));
    assertTrue(e.getMessage().contains("label 11 of record 1"), e.getMessage());
    Files.delete(dir.resolve("data_batch_5.bin"));
    e = assertThrows(DatasetFormatException.class, () -> Datasets.get("cifar10").check(dir));
    assertTrue(e.getMessage().contains("data_batch_5.bin: file not found"), e.getMessage());
  }
}
