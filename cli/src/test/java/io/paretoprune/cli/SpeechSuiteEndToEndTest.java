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
import tech.tablesaw.api.Table;

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
      assertTrue(Double.isFinite(ctc) && ctc > 0, row);
      // Every test split's error rates (and CTC loss), each epoch: unseen espeak-ng voices,
      // flite's voices and the human recordings.
      for (String c : SPLIT_COLUMNS) {
        double rate = Double.parseDouble(v[header.indexOf(c)]);
        assertTrue(rate >= 0 && Double.isFinite(rate), c + " in " + row);
      }
      for (String c : List.of("test_flite_f1", "test_real_f1")) {
        double loss = Double.parseDouble(v[header.indexOf(c)]);
        assertTrue(loss > 0 && Double.isFinite(loss), c + " in " + row);
      }
    }
    JsonNode manifest =
        new ObjectMapper().readTree(dir.resolve("runs/SMGD-s1/manifest.json").toFile());
    assertEquals("[\"flite\",\"real\"]", manifest.get("testSplits").toString());
    List<String> summary = Files.readAllLines(dir.resolve("summary.csv"));
    List<String> summaryHeader = List.of(summary.get(0).split(","));
    for (String c : SPLIT_COLUMNS) {
      double rate = Double.parseDouble(summary.get(1).split(",")[summaryHeader.indexOf(c)]);
      assertTrue(rate >= 0 && Double.isFinite(rate), c + " in " + summary);
    }
    // aggregate.csv: every split's WER and CER with its interval, cut to [0, inf); one seed has
    // no interval (NaN), so its mean is the figure.
    tech.tablesaw.api.Table aggregate =
        tech.tablesaw.api.Table.read().csv(dir.resolve("aggregate.csv").toFile());
    for (String c : SPLIT_COLUMNS) {
      tech.tablesaw.api.Table row = aggregate.where(aggregate.stringColumn("metric").isEqualTo(c));
      assertEquals(1, row.rowCount(), c + " in aggregate.csv");
      double mean = row.numberColumn("mean").getDouble(0);
      assertTrue(mean >= 0 && Double.isFinite(mean), c + ": " + mean);
    }
    String html = Files.readString(dir.resolve("report/index.html"));
    assertTrue(html.contains("word error rate"), "report names the metric");
    for (String th :
        List.of(
            "test word error rate",
            "test character error rate",
            "flite word error rate",
            "flite character error rate",
            "real word error rate",
            "real character error rate")) {
      assertTrue(html.contains("<th>" + th + "</th>"), th);
    }
    assertTrue(
        html.contains("Word error rate, character error rate: lower is better."),
        "lower is better");
    assertTrue(html.contains("flite, real are further ones"), "the splits are named");
    assertTrue(Files.isRegularFile(dir.resolve("report/figures/wer-vs-nonzeros.svg")));
  }

  @Test
  void aFrontOnTheSpeechTaskIsSearchedOnItsErrorRateAndTheMethodsLandOnIt() throws Exception {
    String yaml =
        Files.readString(suite("front", corpus.toString(), "ctc")).replace("epochs: 2", "epochs: 1")
            + """
            pareto:
              search: sweep
              c2: [0, 1.0e-2]
              epochs: full
              step: {step: adam, lr: 0.001}
            """;
    Path file = Files.writeString(tmp.resolve("front.yaml"), yaml);
    Path results = tmp.resolve("front-results");
    Launcher.Outcome front =
        Launcher.run(tmp, Map.of(), "pareto", file.toString(), "--results", results.toString());
    assertEquals(0, front.code(), front.out() + front.err());
    Path dir = results.resolve("front");
    Table points = Table.read().csv(dir.resolve("pareto/pareto.csv").toFile());
    assertEquals(2, points.rowCount(), points.print());
    for (String c : List.of("test_wer", "dense_nonzeros")) {
      assertTrue(points.columnNames().contains(c), points.columnNames().toString());
    }
    Launcher.Outcome methods =
        Launcher.run(tmp, Map.of(), "run", file.toString(), "--results", results.toString());
    assertEquals(0, methods.code(), methods.out() + methods.err());
    String html = Files.readString(dir.resolve("report/index.html"));
    assertTrue(html.contains("id=\"fig-landing\""), "the methods placed against the front");
    Table landing = Table.read().csv(dir.resolve("report/landing.csv").toFile());
    assertEquals("SMGD", landing.stringColumn("label").get(0), landing.print());
  }

  private static final List<String> SPLIT_COLUMNS =
      List.of(
          "test_wer",
          "test_cer",
          "test_flite_wer",
          "test_flite_cer",
          "test_real_wer",
          "test_real_cer");

  /** A corpus folder of some of the tiny corpus's manifests, their WAVs linked. */
  private static Path corpusOf(String name, String... manifests) throws Exception {
    Path dir = tmp.resolve(name);
    Files.createDirectories(dir);
    for (String m : manifests) {
      Files.copy(corpus.resolve(m + ".csv"), dir.resolve(m + ".csv"));
      Files.createSymbolicLink(dir.resolve(m), corpus.resolve(m));
    }
    return dir;
  }

  @Test
  void aCorpusWithoutTheFurtherManifestsIsTestedOnItsTestSplitAlone() throws Exception {
    Path own = corpusOf("own", "train", "test-voices");
    Path results = tmp.resolve("own-results");
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            Files.writeString(
                    tmp.resolve("own.yaml"),
                    Files.readString(suite("own", own.toString(), "ctc"))
                        .replace("epochs: 2", "epochs: 1"))
                .toString(),
            "--results",
            results.toString());
    assertEquals(0, run.code(), run.out() + run.err());
    Path dir = results.resolve("own");
    for (String file : List.of("runs/SMGD-s1/epochs.csv", "summary.csv")) {
      String header = Files.readAllLines(dir.resolve(file)).get(0);
      assertTrue(header.contains("test_wer") && header.contains("test_cer"), file + header);
      assertFalse(header.contains("flite") || header.contains("real"), file + ": " + header);
    }
    String aggregate = Files.readString(dir.resolve("aggregate.csv"));
    assertTrue(aggregate.contains(",test_wer,"), aggregate);
    assertFalse(aggregate.contains("flite") || aggregate.contains("real"), aggregate);
    JsonNode manifest =
        new ObjectMapper().readTree(dir.resolve("runs/SMGD-s1/manifest.json").toFile());
    assertEquals("[]", manifest.get("testSplits").toString());
  }

  /**
   * A run trained before its corpus had the flite and real test sets: {@code eval --record} writes
   * their figures from the saved model into the last epoch, and they equal, digit for digit, what
   * the same run records when it trains with those sets present.
   */
  @Test
  void aTestSplitAddedAfterARunIsRecordedFromItsSavedModelAsTrainingWouldHave() throws Exception {
    Path late = corpusOf("late", "train", "test-voices");
    Path lateResults = tmp.resolve("late-results");
    Launcher.Outcome before =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("late", late.toString(), "ctc").toString(),
            "--results",
            lateResults.toString());
    assertEquals(0, before.code(), before.out() + before.err());
    Path fullResults = tmp.resolve("late-full-results");
    Launcher.Outcome full =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("late", corpus.toString(), "ctc").toString(),
            "--results",
            fullResults.toString());
    assertEquals(0, full.code(), full.out() + full.err());
    Path runDir = lateResults.resolve("late/runs/SMGD-s1");
    List<String> old = Files.readAllLines(runDir.resolve("epochs.csv"));
    assertFalse(old.get(0).contains("flite"), old.get(0));
    for (String m : List.of("test-flite", "test-real")) { // the corpus gains its further sets
      Files.copy(corpus.resolve(m + ".csv"), late.resolve(m + ".csv"));
      Files.createSymbolicLink(late.resolve(m), corpus.resolve(m));
    }

    Launcher.Outcome recorded = Launcher.run(tmp, Map.of(), "eval", runDir.toString(), "--record");
    assertEquals(0, recorded.code(), recorded.out() + recorded.err());
    assertTrue(
        recorded.out().contains("SMGD-s1: wrote flite, real into the last epoch"), recorded.out());
    List<String> now = Files.readAllLines(runDir.resolve("epochs.csv"));
    List<String> expected = Files.readAllLines(fullResults.resolve("late/runs/SMGD-s1/epochs.csv"));
    List<String> header = List.of(now.get(0).split(","));
    assertEquals(expected.get(0), now.get(0), "the columns of a run that had the splits");
    for (int row = 1; row < now.size(); row++) {
      String[] got = now.get(row).split(",", -1);
      String[] want = expected.get(row).split(",", -1);
      String[] had = old.get(row).split(",", -1);
      List<String> oldHeader = List.of(old.get(0).split(","));
      for (int c = 0; c < header.size(); c++) {
        String name = header.get(c);
        if (name.startsWith("test_flite_") || name.startsWith("test_real_")) {
          // The last epoch holds the saved weights' figures; earlier epochs have none.
          assertEquals(row == now.size() - 1 ? want[c] : "", got[c], name + " at row " + row);
        } else if (!name.equals("seconds")) {
          assertEquals(had[oldHeader.indexOf(name)], got[c], name + " kept at row " + row);
        }
      }
    }
    JsonNode manifest = new ObjectMapper().readTree(runDir.resolve("manifest.json").toFile());
    assertEquals("[\"flite\",\"real\"]", manifest.get("testSplits").toString());
    assertEquals(2, manifest.get("lateTestSplits").size(), manifest.toString());
    assertEquals(2, manifest.get("lateTestSplits").get(0).get("epoch").asInt());

    Launcher.Outcome again = Launcher.run(tmp, Map.of(), "eval", runDir.toString(), "--record");
    assertEquals(0, again.code(), again.out() + again.err());
    assertTrue(again.out().contains("every test split was recorded by the run"), again.out());
    // The suite's next run has nothing to train and takes the recorded splits into its summary.
    Launcher.Outcome rerun =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("late", late.toString(), "ctc").toString(),
            "--results",
            lateResults.toString());
    assertEquals(0, rerun.code(), rerun.out() + rerun.err());
    List<String> summary = Files.readAllLines(lateResults.resolve("late/summary.csv"));
    String want = expected.get(expected.size() - 1).split(",")[header.indexOf("test_real_cer")];
    assertEquals(
        want,
        summary.get(1).split(",")[List.of(summary.get(0).split(",")).indexOf("test_real_cer")]);

    Launcher.Outcome images =
        Launcher.run(tmp, Map.of(), "eval", runDir.toString(), "--dataset", "mnist");
    assertEquals(2, images.code(), images.out() + images.err());
    assertFalse(images.err().strip().contains("\n"), images.err());
    assertTrue(images.err().contains("--dataset tests an image run"), images.err());
  }

  @Test
  void aBadWavInTheRealSpeechSplitIsRefusedBeforeAnyRunInOneLine() throws Exception {
    Path bad = corpusOf("bad-real", "train", "test-voices", "test-flite");
    // test-real's second utterance points at a file that is not a WAV.
    Files.createDirectories(bad.resolve("test-real"));
    List<String> rows = Files.readAllLines(corpus.resolve("test-real.csv"));
    for (int i = 1; i < rows.size(); i++) {
      String wav = rows.get(i).split(",")[0];
      Path target = bad.resolve(wav);
      if (i == 2) {
        Files.writeString(target, "not audio");
      } else {
        Files.createSymbolicLink(target, corpus.resolve(wav));
      }
    }
    Files.write(bad.resolve("test-real.csv"), rows);
    Path results = tmp.resolve("bad-real-results");
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite("badreal", bad.toString(), "ctc").toString(),
            "--results",
            results.toString());
    assertEquals(2, run.code(), run.out() + run.err());
    String line = run.err().strip();
    assertFalse(line.contains("\n"), line);
    assertTrue(line.contains(bad.resolve("test-real.csv") + ": line 3: "), line);
    assertTrue(line.contains("corrupt or not a WAV file"), line);
    assertFalse(Files.exists(results.resolve("badreal/runs")), "no run started");
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
