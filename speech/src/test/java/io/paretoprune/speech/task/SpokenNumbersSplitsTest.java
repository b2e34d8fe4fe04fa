package io.paretoprune.speech.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DataSummary;
import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.data.TaskData;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.speech.audio.WavFiles;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The spoken-number data set's further test splits: {@code flite} and {@code real} when their
 * manifests are in the corpus, in that order, each cut by {@code test_limit} and checked in full
 * before any run; a corpus with only train and test manifests has the test split alone.
 */
class SpokenNumbersSplitsTest {
  @TempDir Path dir;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  /** A manifest of {@code n} one-second tones transcribed "one", under {@code name}/. */
  private Path manifest(String name, int n) throws IOException {
    Files.createDirectories(dir.resolve(name));
    List<String> rows = new ArrayList<>(List.of("wav_filename,wav_filesize,transcript"));
    for (int i = 1; i <= n; i++) {
      Path wav =
          WavFiles.write(
              dir.resolve(name).resolve(i + ".wav"), WavFiles.tone(0.5 + 0.1 * i, 440), 16000);
      rows.add(dir.relativize(wav) + "," + Files.size(wav) + ",one");
    }
    return Files.write(dir.resolve(name + ".csv"), rows);
  }

  private TaskData tensors(int testLimit, NDManager m) {
    return new SpokenNumbersDataset().tensors(dir, 0, testLimit, m);
  }

  @Test
  void theFurtherSplitsAreThoseWhoseManifestsAreThereInOrderEachLimited() throws Exception {
    manifest("train", 4);
    manifest("test-voices", 3);
    try (NDManager m = NDManager.newBaseManager();
        TaskData only = tensors(0, m)) {
      assertTrue(only.extraTests().isEmpty(), "a corpus of train and test only");
      assertEquals(3, only.test().size());
    }
    manifest("test-real", 3);
    try (NDManager m = NDManager.newBaseManager();
        TaskData real = tensors(0, m)) {
      assertEquals(List.of("real"), List.copyOf(real.extraTests().keySet()));
      assertEquals(3, real.extraTests().get("real").size());
    }
    manifest("test-flite", 5);
    try (NDManager m = NDManager.newBaseManager();
        TaskData all = tensors(2, m)) {
      assertEquals(List.of("flite", "real"), List.copyOf(all.extraTests().keySet()));
      assertEquals(2, all.test().size());
      assertEquals(2, all.extraTests().get("flite").size(), "test_limit cuts every test split");
      assertEquals(2, all.extraTests().get("real").size());
    }
    DataSummary s = new SpokenNumbersDataset().summarize(dir, 0, 0);
    assertEquals(3, s.testCount());
    assertEquals(
        List.of("train.csv", "test-voices.csv", "test-flite.csv", "test-real.csv"),
        new SpokenNumbersDataset()
            .files(dir).stream().map(p -> p.getFileName().toString()).toList());
  }

  @Test
  void aBadUtteranceOfAFurtherSplitIsRefusedByTheCheckInOneLine() throws Exception {
    manifest("train", 4);
    manifest("test-voices", 3);
    Path real = manifest("test-real", 3);
    // The third utterance's WAV is cut short: its header declares more samples than it holds.
    Path wav = dir.resolve("test-real/3.wav");
    byte[] bytes = Files.readAllBytes(wav);
    Files.write(wav, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    String e =
        assertThrows(
                DatasetFormatException.class, () -> new SpokenNumbersDataset().summarize(dir, 0, 1))
            .getMessage();
    assertTrue(e.startsWith(real + ": line 4: "), e);
    assertTrue(e.contains("3.wav"), e);
    assertFalse(e.contains("\n"), e);
  }
}
