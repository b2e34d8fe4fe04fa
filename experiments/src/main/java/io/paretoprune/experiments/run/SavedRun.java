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
 * @param recordedTestAccuracy {@code test_accuracy} of the last row of {@code epochs.csv}
 */
public record SavedRun(Path dir, JsonNode manifest, RunSpec spec, double recordedTestAccuracy) {

  /**
   * Opens a run directory that holds a saved model.
   *
   * @throws ResultsFolderException (one line) when it is no finished run or has no saved model
   */
  public static SavedRun open(Path dir) throws IOException {
    Path manifest = dir.resolve("manifest.json");
    if (!Files.isRegularFile(manifest)) {
      throw new ResultsFolderException(
          dir
              + ": not a finished run directory (no manifest.json); runs live in results/<suite>/runs/");
    }
    JsonNode m = RunExecutor.JSON.readTree(manifest.toFile());
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
    Table epochs =
        Table.read()
            .usingOptions(
                CsvReadOptions.builder(dir.resolve("epochs.csv").toFile())
                    .missingValueIndicator("", "NaN"));
    double recorded = epochs.numberColumn("test_accuracy").getDouble(epochs.rowCount() - 1);
    return new SavedRun(dir, m, RunSpec.fromJson(Files.readString(spec)), recorded);
  }

  public String runId() {
    return manifest.path("runId").asText();
  }
}
