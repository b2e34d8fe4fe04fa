package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A DeepSpeech-style suite through {@code ./paretoprune run}: a small spoken-number corpus made by
 * {@code scripts/make-spoken-numbers.sh}, the {@code deepspeech} model, {@code loss: ctc}, SMGD
 * with threshold pruning; the speech task's error rates in every table and in the report. Skipped
 * when the corpus tools (espeak-ng, flite, sox, Asterisk's digits; .ci/run installs them) are
 * missing.
 */
class SpeechSuiteEndToEndTest {
  @TempDir static Path tmp;
  private static Path corpus;

  @BeforeAll
  static void makeATinyCorpus() throws Exception {
    Process tools =
        new ProcessBuilder(
                "bash",
                "-c",
                "command -v espeak-ng && command -v flite && command -v sox"
                    + " && dpkg -L asterisk-core-sounds-en-wav | grep -q '/digits/9.wav$'")
            .redirectErrorStream(true)
            .start();
    tools.getInputStream().readAllBytes();
    assumeTrue(
        tools.waitFor(60, TimeUnit.SECONDS) && tools.exitValue() == 0,
        "espeak-ng, flite, sox or asterisk-core-sounds-en-wav missing");
    corpus = tmp.resolve("corpus");
    Process make =
        new ProcessBuilder(
                "bash",
                Launcher.HOME.resolve("scripts/make-spoken-numbers.sh").toString(),
                "--sizes",
                "24,2,8,2,2",
                corpus.toString())
            .redirectErrorStream(true)
            .start();
    String out = new String(make.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(make.waitFor(10, TimeUnit.MINUTES), "make-spoken-numbers hung");
    assertEquals(0, make.exitValue(), out);
  }

  private static Path suite(String name, String dir, String loss) throws Exception {
    return Files.writeString(
        tmp.resolve(name + ".yaml"),
        """
        name: %s
        dataset: {name: spoken-numbers, dir: %s}
        model: {name: deepspeech, settings: {n_hidden: 32}}
        objectives:
          - {name: f1, loss: %s}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: SMGD, name: smgd, settings: {lr: 0.01}}
        pruning: {name: threshold}
        seeds: [1]
        epochs: 2
        batch_size: 8
        threads_per_run: 1
        """
            .formatted(name, dir, loss));
  }

  @Test
  void aDeepSpeechSuiteTrainsWithCtcAndReportsErrorRates() throws Exception {
    Path results = tmp.resolve("results");
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("speech", corpus.toString(), "ctc").toString(),
            "--results",
            results.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("test word error rate "), run.out());
    Path dir = results.resolve("speech");
    JsonNode task = new ObjectMapper().readTree(dir.resolve("task.json").toFile());
    assertEquals("speech-recognition", task.get("task").asText());
    assertEquals("wer", task.get("metrics").get(0).get("name").asText());
    List<String> epochs = Files.readAllLines(dir.resolve("runs/SMGD-s1/epochs.csv"));
    assertEquals(3, epochs.size(), String.join("\n", epochs));
    List<String> header = List.of(epochs.get(0).split(","));
    for (String c : List.of("train_wer", "test_wer", "train_cer", "test_cer", "test_f1")) {
      assertTrue(header.contains(c), header.toString());
    }
    for (String row : epochs.subList(1, 3)) {
      String[] v = row.split(",");
      double ctc = Double.parseDouble(v[header.indexOf("test_f1")]);
      double cer = Double.parseDouble(v[header.indexOf("test_cer")]);
      assertTrue(Double.isFinite(ctc) && ctc > 0, row);
      assertTrue(cer >= 0 && Double.isFinite(cer), row);
    }
    String summary = Files.readAllLines(dir.resolve("summary.csv")).get(0);
    assertTrue(List.of(summary.split(",")).contains("test_wer"), summary);
    String html = Files.readString(dir.resolve("report/index.html"));
    assertTrue(html.contains("word error rate"), "report names the metric");
    assertTrue(Files.isRegularFile(dir.resolve("report/figures/wer-vs-nonzeros.svg")));
  }

  @Test
  void aTranscriptOutsideTheAlphabetIsRefusedBeforeAnyRunInOneLine() throws Exception {
    Path bad = tmp.resolve("bad");
    Files.createDirectories(bad);
    Files.writeString(
        bad.resolve("train.csv"),
        Files.readString(corpus.resolve("train.csv"))
            .replaceFirst("(?m)^(train/00001\\.wav,[0-9]+,).*$", "$1Seven 7"));
    Files.copy(corpus.resolve("test-voices.csv"), bad.resolve("test-voices.csv"));
    Files.createSymbolicLink(bad.resolve("train"), corpus.resolve("train"));
    Files.createSymbolicLink(bad.resolve("test-voices"), corpus.resolve("test-voices"));
    Path results = tmp.resolve("bad-results");
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("bad", bad.toString(), "ctc").toString(),
            "--results",
            results.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    String line = run.err().strip();
    assertFalse(line.contains("\n"), line);
    assertTrue(line.contains(bad.resolve("train.csv").toString()), line);
    assertTrue(line.contains("not in the alphabet"), line);
    assertFalse(Files.exists(results.resolve("bad/runs")), "no run started");
  }

  @Test
  void anUnknownLossNamesTheKnownOnes() throws Exception {
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("typo", corpus.toString(), "ctcc").toString(),
            "--results",
            tmp.resolve("typo-results").toString());
    assertEquals(2, run.code(), run.out() + run.err());
    assertTrue(run.err().contains("unknown loss 'ctcc'; known: "), run.err());
    assertTrue(run.err().contains("ctc"), run.err());
    assertTrue(run.err().contains("cross_entropy"), run.err());
    Launcher.Outcome list = Launcher.run(tmp, Map.of(), "list", "losses");
    assertEquals(0, list.code(), list.err());
    assertTrue(list.out().contains("ctc  [built-in]  "), list.out());
    assertTrue(list.out().contains("cross_entropy  [built-in]  "), list.out());
  }
}
