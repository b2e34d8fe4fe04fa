package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.JarBuilder;
import io.paretoprune.core.testing.SyntheticData;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * plugin-example built as a separate jar (compiled here against this build's classes; it is not on
 * the test classpath), dropped into a plug-in folder and used by name through {@code
 * ./paretoprune}.
 */
class PluginJarEndToEndTest {
  private static final Path EXAMPLE = Launcher.HOME.resolve("plugin-example/src/main");
  @TempDir static Path tmp;
  private static Path plugins;
  private static Path jar;

  @BeforeAll
  static void buildTheExampleJar() throws Exception {
    assertThrows(
        ClassNotFoundException.class,
        () -> Class.forName("io.paretoprune.example.EqualNormProvider"),
        "plugin-example must not be on the test classpath");
    plugins = Files.createDirectories(tmp.resolve("plugins"));
    jar =
        new JarBuilder()
            .sourceTree(EXAMPLE.resolve("java"))
            .resourceTree(EXAMPLE.resolve("resources"))
            .build(plugins.resolve("plugin-example.jar"), classpath(), tmp.resolve("build"));
  }

  static List<Path> classpath() {
    return Arrays.stream(System.getProperty("java.class.path").split(File.pathSeparator))
        .map(Path::of)
        .toList();
  }

  @Test
  void listShowsTheJarAsOriginAndASuiteTrainsWithItsOptimizerAndPruningRule() throws Exception {
    Launcher.Outcome list = Launcher.run(tmp, Map.of(), "--plugins", plugins.toString(), "list");
    assertEquals(0, list.code(), list.err());
    List<String> fromJar =
        list.out().lines().filter(l -> l.contains("  [plugin-example.jar]  ")).toList();
    assertTrue(fromJar.stream().anyMatch(l -> l.startsWith("relative-threshold ")), list.out());
    assertTrue(fromJar.stream().anyMatch(l -> l.startsWith("equal-norm ")), list.out());
    assertTrue(fromJar.stream().anyMatch(l -> l.startsWith("sign-sgd ")), list.out());
    assertTrue(list.out().contains("threshold  [built-in]  "), list.out());
    assertTrue(list.out().contains("mnist  [built-in]  "), list.out());

    Path data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(320, 10, 28, 1),
        SyntheticData.squares(100, 10, 28, 2));
    Path suite =
        Files.writeString(
            tmp.resolve("plugin-suite.yaml"),
            """
            name: plugin-suite
            dataset: {name: mnist}
            model: {name: lenet5}
            objectives:
              - {name: f1, loss: cross_entropy}
              - {name: f2, l1: {on: dense.kernel}}
            optimizers:
              - {label: EN, combiner: equal-norm, step: adam, settings: {lr: 0.01}}
              - {label: MS, combiner: min-norm, step: sign-sgd, settings: {lr: 0.001}}
            pruning: {name: relative-threshold, settings: {fraction: 0.05, on: dense}}
            seeds: [1]
            epochs: 1
            batch_size: 32
            threads_per_run: 1
            parallel: 1
            """);
    // Through the environment this time, so both ways of naming plug-ins are used.
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of("PARETOPRUNE_PLUGINS", jar.toString()),
            "run",
            suite.toString(),
            "--results",
            tmp.resolve("results").toString(),
            "--data",
            data.toString(),
            "--no-report");
    assertEquals(0, run.code(), run.out() + run.err());
    JsonNode manifest =
        new ObjectMapper()
            .readTree(tmp.resolve("results/plugin-suite/runs/EN-s1/manifest.json").toFile());
    assertEquals("completed", manifest.get("status").asText());
    assertEquals("relative-threshold", manifest.get("pruning").asText());
    // An external combiner with a built-in step rule, and a built-in combiner with an external one.
    assertEquals(
        "equal-norm + adam (per-objective)", manifest.get("optimizerDescription").asText());
    JsonNode other =
        new ObjectMapper()
            .readTree(tmp.resolve("results/plugin-suite/runs/MS-s1/manifest.json").toFile());
    assertEquals("completed", other.get("status").asText());
    assertEquals("min-norm + sign-sgd (combined)", other.get("optimizerDescription").asText());
    JsonNode recorded = manifest.get("plugins");
    assertEquals(1, recorded.size(), manifest.toString());
    assertEquals("plugin-example.jar", recorded.get(0).get("jar").asText());
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    assertEquals(sha, recorded.get(0).get("sha256").asText());
  }

  @Test
  void aDataSetOfThePluginPosesItsTaskAndTheResultsFollowItsMetrics() throws Exception {
    Launcher.Outcome list = Launcher.run(tmp, Map.of(), "--plugins", plugins.toString(), "list");
    assertTrue(list.out().contains("misclassification  [plugin-example.jar]  "), list.out());
    assertTrue(list.out().contains("image-classification  [built-in]  "), list.out());
    Path data = tmp.resolve("task-data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist-error"),
        SyntheticData.squares(256, 10, 28, 3),
        SyntheticData.squares(64, 10, 28, 4));
    Path suite =
        Files.writeString(
            tmp.resolve("task-suite.yaml"),
            """
            name: task-suite
            dataset: {name: mnist-error}
            model: {name: lenet5}
            objectives:
              - {name: f1, loss: cross_entropy}
              - {name: f2, l1: {on: dense.kernel}}
            optimizers:
              - {label: SMGD, name: smgd, settings: {lr: 0.01}}
            pruning: {name: threshold}
            seeds: [1]
            epochs: 2
            batch_size: 32
            threads_per_run: 1
            parallel: 1
            """);
    Path results = tmp.resolve("task-results");
    Launcher.Outcome run =
        Launcher.run(
            tmp,
            Map.of(),
            "--plugins",
            plugins.toString(),
            "run",
            suite.toString(),
            "--results",
            results.toString(),
            "--data",
            data.toString(),
            "--no-report");
    assertEquals(0, run.code(), run.out() + run.err());
    assertTrue(run.out().contains("test error rate "), run.out());
    JsonNode task = new ObjectMapper().readTree(results.resolve("task-suite/task.json").toFile());
    assertEquals("misclassification", task.get("task").asText());
    assertEquals("error", task.get("metrics").get(0).get("name").asText());
    assertFalse(task.get("metrics").get(0).get("higher_is_better").asBoolean());
    List<String> epochs = Files.readAllLines(results.resolve("task-suite/runs/SMGD-s1/epochs.csv"));
    List<String> header = List.of(epochs.get(0).split(","));
    for (String c : List.of("train_error", "test_error", "train_accuracy", "test_accuracy")) {
      assertTrue(header.contains(c), header.toString());
    }
    for (String row : epochs.subList(1, epochs.size())) {
      String[] v = row.split(",");
      double error = Double.parseDouble(v[header.indexOf("test_error")]);
      double accuracy = Double.parseDouble(v[header.indexOf("test_accuracy")]);
      assertEquals(1 - accuracy, error, 1e-9, row);
    }
    String summary = Files.readAllLines(results.resolve("task-suite/summary.csv")).get(0);
    assertTrue(List.of(summary.split(",")).contains("test_error"), summary);
    String aggregate = Files.readString(results.resolve("task-suite/aggregate.csv"));
    assertTrue(aggregate.contains("test_error"), aggregate);
  }

  @Test
  void withoutTheJarTheNamesAreUnknown() throws Exception {
    Launcher.Outcome list = Launcher.run(tmp, Map.of(), "list", "pruning");
    assertEquals(0, list.code(), list.err());
    assertFalse(list.out().contains("relative-threshold"), list.out());
  }
}
