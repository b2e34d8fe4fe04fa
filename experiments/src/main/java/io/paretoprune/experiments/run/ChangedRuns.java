package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.experiments.suite.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/**
 * Finished runs whose recorded config hash is not the hash the suite gives them now: after an edit
 * of {@code lr} or {@code epochs}, say. Resuming must not count them as done.
 */
final class ChangedRuns {
  private static final DateTimeFormatter STAMP = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss");

  private ChangedRuns() {}

  /** The complete runs among {@code planned} whose manifest records another config hash. */
  static List<String> find(Path runs, List<RunSpec> planned) throws IOException {
    List<String> changed = new ArrayList<>();
    for (RunSpec r : planned) {
      if (RunDirectory.isComplete(runs, r.runId())) {
        Path manifest = RunDirectory.finalDir(runs, r.runId()).resolve("manifest.json");
        JsonNode m = RunExecutor.JSON.readTree(manifest.toFile());
        if (!r.configHash().equals(m.path("configHash").asText())) {
          changed.add(r.runId());
        }
      }
    }
    return changed;
  }

  /** The one-line refusal: which runs changed and the two ways on. */
  static ResultsFolderException refusal(Path resultsDir, List<String> changed) {
    return new ResultsFolderException(
        resultsDir
            + ": "
            + changed.size()
            + " finished run(s) were made with other settings than the suite now gives: "
            + String.join(", ", changed)
            + "; rerun them with --rerun-changed (the old ones move to runs/.replaced-<time>/)"
            + " or give the suite a new name");
  }

  /** Moves the changed runs into {@code runs/.replaced-<time>/}; returns that folder. */
  static Path setAside(Path runs, List<String> changed) throws IOException {
    String stamp = ZonedDateTime.now(ZoneOffset.UTC).format(STAMP);
    Path target = runs.resolve(".replaced-" + stamp);
    for (int n = 2; Files.exists(target); n++) {
      target = runs.resolve(".replaced-" + stamp + "-" + n);
    }
    Files.createDirectories(target);
    for (String id : changed) {
      Files.move(RunDirectory.finalDir(runs, id), target.resolve(id));
    }
    return target;
  }
}
