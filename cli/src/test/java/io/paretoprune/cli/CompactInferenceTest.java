package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * {@code export --format compact}, {@code eval --model} of its result and {@code bench infer},
 * through {@code ./paretoprune}, on a LeNet-5 run trained in the test with heavy threshold pruning.
 */
class CompactInferenceTest {
  @TempDir static Path tmp;
  private static Path run;
  private static Path data;

  @BeforeAll
  static void trainAPrunedRun() throws Exception {
    SuiteFixture.write(tmp, "unused", "[1]", 1, ""); // writes the MNIST-layout data
    data = tmp.resolve("data");
    Path suite = tmp.resolve("heavy.yaml");
    Files.writeString(
        suite,
        """
        name: heavy
        dataset: {name: mnist}
        model: {name: lenet5}
        objectives:
          - {name: f1, loss: cross_entropy}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: L1, name: weighted, settings: {weights: [1.0, 0.01], step: adam, lr: 0.01}}
        pruning: {name: threshold, settings: {tau: 0.02, on: dense}}
        seeds: [1]
        epochs: 1
        batch_size: 32
        threads_per_run: 1
        parallel: 1
        """);
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), data);
    assertEquals(0, o.code(), o.out() + o.err());
    run = tmp.resolve("results/heavy/runs/L1-s1");
  }

  private static Launcher.Outcome paretoprune(String... args) throws Exception {
    return Launcher.run(tmp, Map.of(), args);
  }

  /** Export prints and records smaller widths; eval of the export gets the recorded accuracy. */
  @Test
  void theCompactedExportIsSmallerAndPredictsWhatTheRunPredicts() throws Exception {
    Launcher.Outcome export = paretoprune("export", run.toString(), "--format", "compact");
    assertEquals(0, export.code(), export.out() + export.err());
    assertTrue(export.out().contains("compacted dense1 120 -> "), export.out());
    Path dir = run.resolve("compact");
    JsonNode m = new ObjectMapper().readTree(dir.resolve("compact.json").toFile());
    assertEquals(120, m.get("before").get("dense1").asInt());
    int dense1 = m.get("widths").get("dense1").asInt();
    assertTrue(dense1 < 120, m.toString());
    assertTrue(export.out().contains("dense1 120 -> " + dense1), export.out());
    assertTrue(m.get("maxLogitDifference").asDouble() < 1e-4, m.toString());

    Table epochs = Table.read().csv(run.resolve("epochs.csv").toFile());
    double recorded = epochs.doubleColumn("test_accuracy").get(epochs.rowCount() - 1);
    Launcher.Outcome eval =
        paretoprune("eval", run.toString(), "--model", dir.toString(), "--data", data.toString());
    assertEquals(0, eval.code(), eval.out() + eval.err());
    assertTrue(eval.out().contains("L1-s1 compacted: test accuracy " + recorded), eval.out());
    assertTrue(eval.out().contains("(equal)"), eval.out());
  }

  @Test
  void benchInferPrintsTheTableForEveryVariant() throws Exception {
    Launcher.Outcome o =
        paretoprune(
            "bench",
            "infer",
            run.toString(),
            "--rounds",
            "1",
            "--block-ms",
            "0.05",
            "--threads",
            "2");
    assertEquals(0, o.code(), o.out() + o.err());
    for (String part : new String[] {"| dense head | 1 | 1 |", "| whole network | 2 | 256 |"}) {
      assertTrue(o.out().contains(part), o.out());
    }
    assertTrue(o.out().contains("convolutions of the compacted network"), o.out());
    assertTrue(o.out().contains("kernels chosen at 1 thread(s): batch 1 ["), o.out());
    assertTrue(o.out().contains("files: model.params "), o.out());
  }

  @Test
  void badInputsAreOneLineAndExitTwo() throws Exception {
    Path noModel = Files.createDirectories(tmp.resolve("no-model"));
    Files.copy(run.resolve("manifest.json"), noModel.resolve("manifest.json"));
    Files.copy(run.resolve("epochs.csv"), noModel.resolve("epochs.csv"));
    Files.copy(run.resolve("run-spec.json"), noModel.resolve("run-spec.json"));
    Path other = Files.createDirectories(tmp.resolve("other-run-export"));
    Launcher.Outcome export =
        paretoprune("export", run.toString(), "--format", "compact", "--out", other.toString());
    assertEquals(0, export.code(), export.out() + export.err());
    Path json = other.resolve("compact.json");
    Files.writeString(json, Files.readString(json).replace("\"L1-s1\"", "\"SMGD-s9\""));
    String[][] cases = {
      {"export", noModel.toString(), "--format", "compact"},
      {"bench", "infer", noModel.toString(), "--rounds", "1"},
      {"export", run.toString(), "--format", "onnx"},
      {"eval", run.toString(), "--model", noModel.toString(), "--data", data.toString()},
      {"eval", run.toString(), "--model", other.toString(), "--data", data.toString()},
    };
    String[] named = {
      "no saved model", "no saved model", "onnx", "compact.json", "exported from run SMGD-s9"
    };
    for (int i = 0; i < cases.length; i++) {
      Launcher.Outcome o = paretoprune(cases[i]);
      String what = String.join(" ", cases[i]) + ": " + o.out() + o.err();
      assertEquals(2, o.code(), what);
      assertEquals(1, o.errLines().size(), what);
      assertTrue(o.errLines().get(0).startsWith("paretoprune: "), what);
      assertTrue(o.errLines().get(0).contains(named[i]), what);
    }
  }
}
