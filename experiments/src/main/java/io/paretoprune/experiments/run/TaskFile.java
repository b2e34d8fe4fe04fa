package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.core.task.ImageClassification;
import io.paretoprune.core.task.Task;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.task.Tasks;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.stats.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * {@code RESULTS_DIR/task.json}: the task a suite's runs learn and its metrics, primary first, so
 * that tables, statistics and the report name the right columns ({@code test_<name>}) and know
 * which way is better. A results folder without one (written before tasks existed) is image
 * classification, measured by accuracy.
 */
public final class TaskFile {
  static final String NAME = "task.json";

  private TaskFile() {}

  /** The task of a run: its data set's. */
  public static Task of(RunSpec spec) {
    return ofDataset(spec.dataset().name());
  }

  /** The task the data set called {@code dataset} poses. */
  public static Task ofDataset(String dataset) {
    return Tasks.get(Datasets.get(dataset).task());
  }

  /** Writes the task's file into {@code resultsDir} (replacing one that is there). */
  static void write(Path resultsDir, Task task) throws IOException {
    ObjectNode root = RunExecutor.JSON.createObjectNode();
    root.put("task", task.name());
    ArrayNode metrics = root.putArray("metrics");
    for (TaskMetric m : task.metrics()) {
      ObjectNode o = metrics.addObject();
      o.put("name", m.name());
      o.put("label", m.label());
      o.put("higher_is_better", m.higherIsBetter());
      o.put("min", m.min());
      o.put("max", m.max());
    }
    AtomicFiles.writeString(resultsDir.resolve(NAME), RunExecutor.JSON.writeValueAsString(root));
  }

  /**
   * The metrics recorded in {@code resultsDir} with their ranges, primary first (accuracy if none):
   * what aggregate.csv's intervals are cut to. A missing bound is unbounded.
   */
  static List<MetricSpec> metricSpecs(Path resultsDir) throws IOException {
    Path file = resultsDir.resolve(NAME);
    List<MetricSpec> specs = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (JsonNode m : RunExecutor.JSON.readTree(file.toFile()).path("metrics")) {
        specs.add(
            new MetricSpec(
                m.path("name").asText(),
                m.path("label").asText(),
                m.path("higher_is_better").asBoolean(),
                bound(m.path("min"), Double.NEGATIVE_INFINITY),
                bound(m.path("max"), Double.POSITIVE_INFINITY)));
      }
    }
    return specs.isEmpty() ? List.of(MetricSpec.ACCURACY) : specs;
  }

  /** A bound as {@link #write} puts it: a number, or Jackson's "Infinity" / "-Infinity". */
  private static double bound(JsonNode v, double unbounded) {
    if (v.isNumber()) {
      return v.asDouble();
    }
    return v.isTextual() ? Double.parseDouble(v.asText()) : unbounded;
  }

  /** The metric names recorded in {@code resultsDir}, primary first ({@code accuracy} if none). */
  static List<String> metricNames(Path resultsDir) throws IOException {
    Path file = resultsDir.resolve(NAME);
    List<String> names = new ArrayList<>();
    if (Files.isRegularFile(file)) {
      for (JsonNode m : RunExecutor.JSON.readTree(file.toFile()).path("metrics")) {
        names.add(m.path("name").asText());
      }
    }
    if (names.isEmpty()) {
      new ImageClassification().metrics().forEach(m -> names.add(m.name()));
    }
    return names;
  }
}
