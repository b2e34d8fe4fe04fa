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
