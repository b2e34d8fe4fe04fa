package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import javax.sound.sampled.AudioFileFormat;
import javax.sound.sampled.AudioFormat;
import javax.sound.sampled.AudioInputStream;
import javax.sound.sampled.AudioSystem;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code export --format compact} and {@code eval --model} of a DeepSpeech run, through {@code
 * ./paretoprune}: a tiny spoken corpus of tones written by the test (train, test-voices, flite and
 * real manifests, so every test split is there), one epoch of {@code deepspeech} with CTC and
 * structured pruning of half the units of every hidden dense layer, which leaves units with no
 * incoming weights and no bias for compaction to remove.
 */
class SpeechCompactTest {
  @TempDir static Path tmp;
  private static Path run;

  private static final String[] WORDS = {"one", "two", "three", "four", "five", "six"};

  /** 16-bit mono 16 kHz WAV of a tone, with the JDK's writer. */
  private static Path wav(Path file, double seconds, double hz) throws Exception {
    int n = (int) Math.round(seconds * 16000);
    byte[] bytes = new byte[2 * n];
    for (int i = 0; i < n; i++) {
      int v = (int) Math.round(0.3 * Math.sin(2 * Math.PI * hz * i / 16000.0) * 32767);
      bytes[2 * i] = (byte) v;
      bytes[2 * i + 1] = (byte) (v >> 8);
    }
    AudioFormat format = new AudioFormat(16000, 16, 1, true, false);
    try (AudioInputStream in = new AudioInputStream(new ByteArrayInputStream(bytes), format, n)) {
      AudioSystem.write(in, AudioFileFormat.Type.WAVE, file.toFile());
    }
    return file;
  }

  /** A manifest of {@code n} tones under {@code name}/, each transcribed as one or two words. */
  private static void manifest(Path corpus, String name, int n, int seed) throws Exception {
    Files.createDirectories(corpus.resolve(name));
    List<String> rows = new ArrayList<>(List.of("wav_filename,wav_filesize,transcript"));
    for (int i = 0; i < n; i++) {
      int k = (seed + i) % WORDS.length;
      String transcript = i % 2 == 0 ? WORDS[k] : WORDS[k] + " " + WORDS[(k + 1) % WORDS.length];
      Path w = wav(corpus.resolve(name).resolve(i + ".wav"), 0.6 + 0.1 * (i % 4), 200 + 90 * k);
      rows.add(corpus.relativize(w) + "," + Files.size(w) + "," + transcript);
    }
    Files.write(corpus.resolve(name + ".csv"), rows);
  }

  @BeforeAll
  static void trainATinySpeechRun() throws Exception {
    Path corpus = tmp.resolve("corpus");
    manifest(corpus, "train", 8, 0);
    manifest(corpus, "test-voices", 4, 1);
    manifest(corpus, "test-flite", 3, 2);
    manifest(corpus, "test-real", 2, 3);
    Path suite =
        Files.writeString(
            tmp.resolve("speech-compact.yaml"),
            """
            name: speech-compact
            dataset: {name: spoken-numbers, dir: %s}
            model: {name: deepspeech, settings: {n_hidden: 32}}
            objectives:
              - {name: f1, loss: ctc}
              - {name: f2, l1: {on: dense.kernel}}
            optimizers:
              - {label: SMGD, name: smgd, settings: {lr: 0.01}}
            pruning: {name: units, settings: {target: 0.5}}
            seeds: [1]
            epochs: 1
            batch_size: 4
            threads_per_run: 1
            """
                .formatted(corpus));
    Launcher.Outcome o =
        Launcher.run(
            tmp, Map.of(), "run", suite.toString(), "--results", tmp.resolve("r").toString());
    assertEquals(0, o.code(), o.out() + o.err());
    run = tmp.resolve("r/speech-compact/runs/SMGD-s1");
  }

  @Test
  void theCompactedExportIsNarrowerAndHasTheRecordedErrorRatesOnEverySplit() throws Exception {
    Launcher.Outcome export =
        Launcher.run(tmp, Map.of(), "export", run.toString(), "--format", "compact");
    assertEquals(0, export.code(), export.out() + export.err());
    JsonNode m = new ObjectMapper().readTree(run.resolve("compact/compact.json").toFile());
    for (String layer : List.of("dense1", "dense2", "dense3", "dense4")) {
      assertEquals(32, m.get("before").get(layer).asInt(), layer);
      int after = m.get("widths").get(layer).asInt();
      // units pruning zeroed half of every hidden layer's units, incoming weights and bias
      assertTrue(after <= 16, layer + ": " + m);
      assertTrue(export.out().contains(layer + " 32 -> " + after), export.out());
    }
    assertEquals(29, m.get("widths").get("dense5").asInt());
    assertTrue(export.out().contains("SMGD-s1: compacted dense1 32 -> "), export.out());
    assertTrue(m.get("maxLogitDifference").asDouble() < 1e-4, m.toString());

    Launcher.Outcome saved = Launcher.run(tmp, Map.of(), "eval", run.toString());
    assertEquals(0, saved.code(), saved.out() + saved.err());
    Launcher.Outcome eval =
        Launcher.run(
            tmp, Map.of(), "eval", run.toString(), "--model", run.resolve("compact").toString());
    assertEquals(0, eval.code(), eval.out() + eval.err());
    List<String> header = List.of(Files.readAllLines(run.resolve("epochs.csv")).get(0).split(","));
    List<String> rows = Files.readAllLines(run.resolve("epochs.csv"));
    String[] last = rows.get(rows.size() - 1).split(",", -1);
    for (String split : List.of("test", "flite", "real")) {
      String prefix = split.equals("test") ? "test_" : "test_" + split + "_";
      String line =
          eval.out()
              .lines()
              .filter(l -> l.startsWith("SMGD-s1 compacted " + split + ":"))
              .findFirst()
              .orElseThrow(() -> new AssertionError(split + " missing in " + eval.out()));
      assertTrue(
          line.contains("recorded at the last epoch: wer, cer equal (the objectives are the"),
          line);
      // The rates the compacted network gets are the recorded ones, as the saved model's are.
      for (String metric : List.of("wer", "cer")) {
        double recorded = Double.parseDouble(last[header.indexOf(prefix + metric)]);
        String printed = String.format(Locale.ROOT, " %s %.6g ", metric, recorded);
        assertTrue(line.contains(printed), printed + " in " + line);
        String savedLine =
            saved
                .out()
                .lines()
                .filter(l -> l.startsWith("SMGD-s1 " + split + ":"))
                .findFirst()
                .orElseThrow();
        assertTrue(savedLine.contains(printed), printed + " in " + savedLine);
      }
    }

    Launcher.Outcome record =
        Launcher.run(
            tmp,
            Map.of(),
            "eval",
            run.toString(),
            "--model",
            run.resolve("compact").toString(),
            "--record");
    assertEquals(2, record.code(), record.out() + record.err());
    List<String> err =
        record.errLines().stream().filter(l -> l.startsWith("paretoprune: ")).toList();
    assertEquals(1, err.size(), record.err());
    assertTrue(record.err().contains("takes neither --dataset nor --model"), record.err());
  }
}
