package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.testing.JarBuilder;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.store.ModelStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
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

  /** Broken files of a run folder: one line naming the file, exit 2, nothing timed. */
  @Test
  void brokenRunFilesAreOneLineNamingTheFile() throws Exception {
    String[][] cases = {
      {"manifest.json", "{broken", "manifest.json: not valid JSON"},
      {"run-spec.json", "{broken", "run-spec.json: "},
      {"epochs.csv", null, "epochs.csv: missing"},
      {"epochs.csv", "epoch,test_accuracy\n", "epochs.csv: no epoch rows"},
      {"model.json", "{broken", "model.json: not a valid model file"},
      {"model.params", "truncated", "model.params: does not match the checksum"},
    };
    for (String[] c : cases) {
      Path copy = copyOfRun("broken-" + c[0] + "-" + (c[1] == null ? "gone" : c[1].length()));
      if (c[1] == null) {
        Files.delete(copy.resolve(c[0]));
      } else {
        Files.writeString(copy.resolve(c[0]), c[1]);
      }
      Launcher.Outcome o = paretoprune("bench", "infer", copy.toString(), "--rounds", "1");
      String what = c[0] + ": " + o.out() + o.err();
      assertEquals(2, o.code(), what);
      assertEquals(1, o.errLines().size(), what);
      assertTrue(o.errLines().get(0).startsWith("paretoprune: "), what);
      assertTrue(o.errLines().get(0).contains(copy.resolve(c[2]).toString()), what);
      assertTrue(!o.out().contains("| dense head |"), what);
    }
  }

  /**
   * A plug-in model whose block negates the logits in its own forward, which compaction does not
   * see: the compacted network predicts differently, and the check reports the run, the variant and
   * the first differing example in one line, times nothing of that run and exits 1, after timing
   * the good run given with it.
   */
  @Test
  void aFailedPredictionCheckIsOneLineNamingTheRunTheNetworkAndTheExample() throws Exception {
    Path plugins = Files.createDirectories(tmp.resolve("negated-plugins"));
    new JarBuilder()
        .source("p.NegatedLeNet", NEGATED_LENET)
        .resource("META-INF/services/io.paretoprune.models.ModelFactory", "p.NegatedLeNet\n")
        .build(
            plugins.resolve("negated.jar"),
            PluginJarEndToEndTest.classpath(),
            tmp.resolve("negated-build"));
    // Freshly initialised weights, saved over the copy: the trained test run is so heavily pruned
    // that its logits no longer depend on the input (and may all be equal).
    Path copy = copyOfRun("negated");
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      InputSpec input = ModelStore.readManifest(run).input();
      ModelStore.save(ModelZoo.load().create("lenet5", PluginSettings.empty(), input, m, 1), copy);
    }
    Path json = copy.resolve("model.json");
    Files.writeString(json, Files.readString(json).replace("\"lenet5\"", "\"lenet5-negated\""));
    Launcher.Outcome o =
        paretoprune(
            "--plugins",
            plugins.toString(),
            "bench",
            "infer",
            copy.toString(),
            run.toString(),
            "--rounds",
            "1",
            "--block-ms",
            "0.05",
            "--threads",
            "1");
    String what = o.out() + o.err();
    assertEquals(1, o.code(), what);
    // libtorch's own warnings go to stderr too; ours is one line, and no stack trace.
    List<String> err = o.errLines().stream().filter(l -> l.startsWith("paretoprune: ")).toList();
    assertEquals(1, err.size(), what);
    assertTrue(o.errLines().stream().noneMatch(l -> l.startsWith("\tat ")), what);
    assertTrue(
        err.get(0)
            .matches(
                "paretoprune: L1-s1 \\("
                    + java.util.regex.Pattern.quote(copy.toString())
                    + "\\): prediction check failed: the compacted( \\+ sparse)? network"
                    + "( \\(kernels \\[.*\\]\\))? predicts class \\d+ for example \\d+ of a random"
                    + " batch of \\d+ \\(1 thread\\(s\\)\\), the saved network class \\d+ \\(logit .* against"
                    + " .*\\); not timed"),
        what);
    // The good run after it is timed: one table, its own.
    assertEquals(1, o.out().lines().filter(l -> l.startsWith("| dense head | 1 | 1 |")).count());
    assertTrue(o.out().contains("L1-s1 (" + run + ")"), what);
  }

  /**
   * A freshly initialised DeepSpeech, its dense kernels pruned to 5%: dense in DJL against the
   * sparse dense layers around the LSTM, parameter counts (857,885 at n_hidden 256, of which the
   * 330,496 dense weights keep 16,525) and the LSTM's share; wrong uses are one line, exit 2.
   */
  @Test
  void benchInferOnAFreshDeepSpeechTimesItsSparseDenseLayersAroundTheLstm() throws Exception {
    Launcher.Outcome o =
        paretoprune(
            "bench",
            "infer",
            "--fresh",
            "deepspeech",
            "--frames",
            "8",
            "--rounds",
            "1",
            "--block-ms",
            "0.05",
            "--threads",
            "2");
    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(
        o.out().contains("dense layers 16,525 of 330,496 weights nonzero (95.0% sparse)"), o.out());
    assertTrue(o.out().contains("parameters: dense 857,885, sparse dense layers 543,914"), o.out());
    for (String row : new String[] {"| 1 | 1 x 8 |", "| 1 | 32 x 8 |", "| 2 | 32 x 8 |"}) {
      assertTrue(o.out().contains(row), o.out());
    }
    assertTrue(o.out().contains("LSTM share of dense / of sparse"), o.out());
    // Magnitude pruning to 5% leaves no unit without incoming or outgoing weights: compacted, the
    // widths stay, and the compacted network is timed beside the dense and the sparse one.
    assertTrue(o.out().contains("  compacted: dense1 256 -> 256, "), o.out());
    assertTrue(o.out().contains("| dense ms | compacted ms | sparse dense layers ms |"), o.out());

    // A saved DeepSpeech model in a run folder takes the same path (its run files copied from
    // the LeNet run; the bench reads only the model from them).
    Path speech = copyOfRun("deepspeech-run");
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      Network ds =
          ModelZoo.load()
              .create(
                  "deepspeech",
                  new PluginSettings(Map.of("n_hidden", 16)),
                  new InputSpec(1, 8, 494, 29),
                  m,
                  1);
      ModelStore.save(ds, speech);
    }
    Launcher.Outcome saved =
        paretoprune(
            "bench",
            "infer",
            speech.toString(),
            "--frames",
            "8",
            "--rounds",
            "1",
            "--block-ms",
            "0.05",
            "--threads",
            "1");
    assertEquals(0, saved.code(), saved.out() + saved.err());
    assertTrue(saved.out().contains("L1-s1 (" + speech + "): dense layers "), saved.out());
    assertTrue(saved.out().contains("| 1 | 32 x 8 |"), saved.out());
    String[][] cases = {
      {"bench", "infer", "--fresh", "lenet5"},
      {"bench", "infer"},
      {"bench", "infer", "--fresh", "deepspeech", run.toString()},
      {"bench", "infer", "--fresh", "deepspeech", "--keep", "0"},
      {"bench", "infer", "--fresh", "nosuchmodel"},
    };
    String[] named = {"has none", "one of the two", "one of the two", "--keep", "nosuchmodel"};
    for (int i = 0; i < cases.length; i++) {
      Launcher.Outcome bad = paretoprune(cases[i]);
      String what = String.join(" ", cases[i]) + ": " + bad.out() + bad.err();
      assertEquals(2, bad.code(), what);
      List<String> err =
          bad.errLines().stream().filter(l -> l.startsWith("paretoprune: ")).toList();
      assertEquals(1, err.size(), what);
      assertTrue(err.get(0).contains(named[i]), what);
      assertTrue(bad.errLines().stream().noneMatch(l -> l.startsWith("\tat ")), what);
    }
  }

  private static Path copyOfRun(String name) throws Exception {
    Path copy = Files.createDirectories(tmp.resolve(name).resolve("L1-s1"));
    try (var files = Files.list(run)) {
      for (Path f : files.filter(Files::isRegularFile).toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  /**
   * LeNet-5 whose block negates the logits in its own forward: compaction and the sparse head,
   * which rebuild the network from its layers, do not see that, so they predict the argmax where
   * the saved network predicts the argmin.
   */
  private static final String NEGATED_LENET =
      """
      package p;

      import ai.djl.ndarray.NDList;
      import ai.djl.nn.Block;
      import ai.djl.nn.SequentialBlock;
      import ai.djl.training.ParameterStore;
      import ai.djl.util.PairList;
      import io.paretoprune.core.plugin.PluginSettings;
      import io.paretoprune.models.InputSpec;
      import io.paretoprune.models.ModelFactory;
      import io.paretoprune.models.nets.LeNet5Factory;
      import java.util.Map;

      public final class NegatedLeNet implements ModelFactory {
        public String name() { return "lenet5-negated"; }
        public String description() { return "LeNet-5 with negated logits"; }
        public Map<String, String> settings() { return Map.of(); }
        public Block build(PluginSettings settings, InputSpec input) {
          SequentialBlock lenet = (SequentialBlock) new LeNet5Factory().build(settings, input);
          Negated out = new Negated();
          lenet.getChildren().values().forEach(out::add);
          return out;
        }

        static final class Negated extends SequentialBlock {
          @Override
          protected NDList forwardInternal(
              ParameterStore store, NDList in, boolean training, PairList<String, Object> params) {
            return new NDList(
                super.forwardInternal(store, in, training, params).singletonOrThrow().neg());
          }
        }
      }
      """;
}
