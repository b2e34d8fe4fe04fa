package io.paretoprune.speech.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.speech.ctc.Alphabet;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Padded batches hold each utterance's context windows, zeros past it, and the lengths. */
class SpeechBatchTest {
  private static final Alphabet ABC = Alphabet.deepSpeechEnglish();

  @Test
  void padsFeaturesAndLabelsAndKeepsLengths() {
    float[][] a = {{1, 2}, {3, 4}, {5, 6}};
    float[][] b = {{7, 8}};
    List<Utterance> u =
        List.of(
            new Utterance(a, ABC.encode("ab"), "ab", Path.of("a.wav")),
            new Utterance(b, ABC.encode("c'd"), "c'd", Path.of("b.wav")));
    try (NDManager m = NDManager.newBaseManager()) {
      SpeechBatch batch = SpeechBatch.of(m, u, 1);
      assertEquals(new Shape(2, 3, 6), batch.features().getShape());
      assertEquals(DataType.FLOAT32, batch.features().getDataType());
      float[] f = batch.features().toFloatArray();
      float[][] want = u.get(0).inputs(1);
      for (int t = 0; t < 3; t++) {
        for (int k = 0; k < 6; k++) {
          assertEquals(want[t][k], f[t * 6 + k]);
        }
      }
      assertArrayEquals(new float[] {0, 0, 7, 8, 0, 0}, java.util.Arrays.copyOfRange(f, 18, 24));
      for (int i = 24; i < 36; i++) {
        assertEquals(0f, f[i], "padding at " + i);
      }
      assertArrayEquals(new int[] {3, 1}, batch.featureLengths().toIntArray());
      assertEquals(new Shape(2, 3), batch.labels().getShape());
      assertArrayEquals(new int[] {1, 2, 0, 3, 27, 4}, batch.labels().toIntArray());
      assertArrayEquals(new int[] {2, 3}, batch.labelLengths().toIntArray());
      assertEquals(4, batch.toList().size());
    }
  }
}
