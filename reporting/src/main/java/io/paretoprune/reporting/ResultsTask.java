package io.paretoprune.reporting;

import com.fasterxml.jackson.core.json.JsonReadFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.json.JsonMapper;
import io.paretoprune.stats.MetricSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;

/**
 * What a results folder's runs learned and how they were scored: {@code RESULTS_DIR/task.json}
 * (docs/results-format.md), {@code {"task": name, "metrics": [{"name", "label", "higher_is_better",
 * "min", "max"}, ...]}}, the first metric the primary one the report is drawn in. A folder written
 * before task.json existed is image classification scored by accuracy.
 *
 * @param task the task's name
 * @param metrics its metrics, the primary one first
 */
record ResultsTask(String task, List<MetricSpec> metrics) {
  /** The task of a results folder without task.json. */
  static final ResultsTask CLASSIFICATION =
      new ResultsTask("image-classification", List.of(MetricSpec.ACCURACY));

  /** Figure names the report gives other figures: a metric may not take one of them. */
  private static final Set<String> TAKEN = Set.of("loss", "nonzeros", "weights", "landing");

  static final String FILE = "task.json";

  /** The metric the report's axes, tables and captions follow. */
  MetricSpec primary() {
    return metrics.get(0);
  }

  /** The task of results folder {@code dir}: its task.json, else {@link #CLASSIFICATION}. */
  static ResultsTask read(Path dir) {
    Path file = dir.resolve(FILE);
    if (!Files.isRegularFile(file)) {
      return CLASSIFICATION;
    }
    JsonNode root;
    try {
      // Non-numeric numbers: an unbounded range may be written as a bare Infinity.
      root =
          JsonMapper.builder()
              .enable(JsonReadFeature.ALLOW_NON_NUMERIC_NUMBERS)
              .build()
              .readTree(file.toFile());
    } catch (IOException e) {
      throw new ReportException(
          file
              + ": not valid JSON: "
              + String.valueOf(e.getMessage()).lines().findFirst().orElse(""),
          e);
    }
    if (root == null || !root.isObject()) {
      throw new ReportException(file + ": must be a JSON object with 'task' and 'metrics'");
    }
    if (!root.path("task").isTextual() || root.get("task").asText().isBlank()) {
      throw new ReportException(file + ": 'task' must be the task's name (a string)");
    }
    JsonNode list = root.path("metrics");
    if (!list.isArray() || list.isEmpty()) {
      throw new ReportException(file + ": 'metrics' must be a non-empty list of metrics");
    }
    List<MetricSpec> metrics = new ArrayList<>();
    for (int i = 0; i < list.size(); i++) {
      metrics.add(metric(file, "metrics[" + i + "]", list.get(i)));
    }
    return new ResultsTask(root.get("task").asText(), List.copyOf(metrics));
  }

  private static MetricSpec metric(Path file, String at, JsonNode m) {
    if (!m.isObject()) {
      throw new ReportException(file + ": " + at + " must be an object");
    }
    String name = text(file, at, m, "name");
    if (TAKEN.contains(name)) {
      throw new ReportException(
          file + ": " + at + ".name '" + name + "' is the name of another figure of the report");
    }
    if (!m.path("higher_is_better").isBoolean()) {
      throw new ReportException(file + ": " + at + ".higher_is_better must be true or false");
    }
    try {
      return new MetricSpec(
          name,
          text(file, at, m, "label"),
          m.get("higher_is_better").asBoolean(),
          bound(file, at, m, "min", Double.NEGATIVE_INFINITY),
          bound(file, at, m, "max", Double.POSITIVE_INFINITY));
    } catch (IllegalArgumentException e) {
      throw new ReportException(file + ": " + at + ": " + e.getMessage(), e);
    }
  }

  private static String text(Path file, String at, JsonNode m, String key) {
    JsonNode v = m.path(key);
    if (!v.isTextual() || v.asText().isBlank()) {
      throw new ReportException(file + ": " + at + "." + key + " must be a non-empty string");
    }
    return v.asText();
  }

  /** A number; absent or null is unbounded; "Infinity" / "-Infinity" as Jackson writes them. */
  private static double bound(Path file, String at, JsonNode m, String key, double unbounded) {
    JsonNode v = m.path(key);
    if (v.isMissingNode() || v.isNull()) {
      return unbounded;
    }
    if (v.isNumber()) {
      return v.asDouble();
    }
    if (v.isTextual()) {
      switch (v.asText()) {
        case "Infinity", "+Infinity", "inf", "+inf" -> {
          return Double.POSITIVE_INFINITY;
        }
        case "-Infinity", "-inf" -> {
          return Double.NEGATIVE_INFINITY;
        }
        default -> {}
      }
    }
    throw new ReportException(
        file + ": " + at + "." + key + " must be a number (or Infinity), got " + v);
  }
}
