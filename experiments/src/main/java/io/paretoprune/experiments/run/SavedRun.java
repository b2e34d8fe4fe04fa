package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.models.store.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * A finished run's directory as {@code eval} and {@code export} read it: its manifest, the spec it
 * ran with, the test accuracy it recorded last, and its saved model.
 *
 * @param recordedTestAccuracy {@code test_accuracy} of the last row of {@code epochs.csv}; NaN when
 *     the run's task records none
 */
public record SavedRun(Path dir, JsonNode manifest, RunSpec spec, double recordedTestAccuracy) {

  /**
   * Opens a run directory that holds a saved model.
   *
   * @throws ResultsFolderException (one line naming the file) when it is no finished run, has no
   *     saved model, or one of its files is broken
   */
  public static SavedRun open(Path dir) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new ResultsFolderException(
          dir
              + ": not a finished run directory (no manifest.json); runs live in results/<suite>/runs/");
    }
    JsonNode m;
    try {
      m = RunExecutor.JSON.readTree(manifest.toFile());
    } catch (IOException e) {
      throw new ResultsFolderException(manifest + ": not valid JSON: " + firstLine(e));
    }
    if (m == null || !m.isObject()) {
      throw new ResultsFolderException(manifest + ": not a run manifest (no JSON object)");
    }
    String status = m.path("status").asText();
    if (!status.equals("completed")) {
      throw new ResultsFolderException(
          dir
              + ": the run "
              + status
              + " (epoch "
              + m.path("divergedAtEpoch").asInt()
              + "); only completed runs keep their model");
    }
    Path spec = dir.resolve(RunExecutor.RUN_SPEC);
    if (!Files.isRegularFile(spec) || !Files.isRegularFile(dir.resolve(ModelStore.MANIFEST))) {
      throw new ResultsFolderException(
          dir
              + ": no saved model (the run was made by a version that did not keep models);"
              + " remove this directory and run the suite again to redo the run");
    }
    RunSpec runSpec;
    try {
      runSpec = RunSpec.fromJson(Files.readString(spec));
    } catch (IOException | RuntimeException e) {
      throw new ResultsFolderException(spec + ": " + firstLine(e));
    }
    return new SavedRun(dir, m, runSpec, recordedTestAccuracy(dir.resolve("epochs.csv")));
  }

  /**
   * The last row's {@code test_accuracy}, or NaN when the run's task records none (a speech run
   * records word error rates).
   */
  private static double recordedTestAccuracy(Path csv) {
    if (!Files.isRegularFile(csv)) {
      throw new ResultsFolderException(csv + ": missing; the run recorded no epochs");
    }
    Table epochs;
    try {
      epochs =
          Table.read()
              .usingOptions(CsvReadOptions.builder(csv.toFile()).missingValueIndicator("", "NaN"));
    } catch (RuntimeException e) {
      throw new ResultsFolderException(csv + ": not a readable CSV: " + firstLine(e));
    }
    if (epochs.rowCount() == 0) {
      throw new ResultsFolderException(csv + ": no epoch rows");
    }
    if (!epochs.columnNames().contains("test_accuracy")) {
      return Double.NaN;
    }
    if (!(epochs.column("test_accuracy") instanceof tech.tablesaw.api.NumericColumn<?> column)) {
      throw new ResultsFolderException(csv + ": column test_accuracy is not numeric");
    }
    return column.getDouble(epochs.rowCount() - 1);
  }

  /** The first line of an exception's message (Jackson's run on with the source location). */
  private static String firstLine(Exception e) {
    Throwable t = e instanceof IllegalStateException && e.getCause() != null ? e.getCause() : e;
    String message = t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    return message.lines().findFirst().orElse(message);
  }

  public String runId() {
    return manifest.path("runId").asText();
  }
}
