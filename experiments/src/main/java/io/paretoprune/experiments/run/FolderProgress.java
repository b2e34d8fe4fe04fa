package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import io.paretoprune.experiments.suite.RunSpec;
import java.io.DataInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Progress of runs that train elsewhere (in Slurm tasks), read from their folders on the shared
 * filesystem: the epoch rows in each run's checkpoint header while it trains, its {@code
 * epochs.csv} and manifest once it is committed. It prints the same lines a local run prints from
 * its child's stdout, so both executors look alike.
 */
final class FolderProgress {
  private final Path runs;
  private final SuiteProgress progress;
  private final Map<String, RunSpec> pending = new LinkedHashMap<>();
  private final Map<String, Integer> shown = new HashMap<>();

  FolderProgress(Path runs, SuiteProgress progress, List<RunSpec> watched) {
    this.runs = runs;
    this.progress = progress;
    for (RunSpec r : watched) {
      pending.put(r.runId(), r);
      // A resumed run's earlier epochs were shown by the attempt that trained them.
      shown.put(r.runId(), CheckpointFile.epochOf(runs, r.runId(), r.configHash()));
      progress.started(r.runId(), r.epochs());
    }
  }

  /** Prints what is new since the last poll; returns whether every watched run is complete. */
  boolean poll() {
    for (var it = pending.entrySet().iterator(); it.hasNext(); ) {
      RunSpec r = it.next().getValue();
      try {
        if (RunDirectory.isComplete(runs, r.runId())) {
          showCommitted(r);
          progress.finished(r.runId(), status(r));
          it.remove();
        } else {
          showCheckpoint(r);
        }
      } catch (IOException | RuntimeException e) {
        // A file being replaced on a network filesystem: the next poll reads it again.
      }
    }
    return pending.isEmpty();
  }

  /** The runs not complete yet. */
  List<RunSpec> unfinished() {
    return List.copyOf(pending.values());
  }

  /** Marks a run ended without a result (its task failed). */
  void failed(String runId, String message) {
    if (pending.remove(runId) != null) {
      progress.finished(runId, "failed: " + message);
    }
  }

  String status(RunSpec r) throws IOException {
    JsonNode m =
        RunExecutor.JSON.readTree(runs.resolve(r.runId()).resolve("manifest.json").toFile());
    return m.path("status").asText("completed");
  }

  private void showCheckpoint(RunSpec r) throws IOException {
    Path file = CheckpointFile.location(runs, r.runId());
    if (!Files.isRegularFile(file)) {
      return;
    }
    JsonNode header;
    try (InputStream raw = Files.newInputStream(file);
        DataInputStream in = new DataInputStream(raw)) {
      in.readInt();
      in.readInt();
      byte[] h = new byte[in.readInt()];
      in.readFully(h);
      header = CheckpointFile.headerJson(h);
    }
    if (!r.configHash().equals(header.path("configHash").asText())) {
      return;
    }
    String metric = TaskFile.of(r).primary().name();
    for (JsonNode e : header.path("history")) {
      long nonzeros = 0;
      for (JsonNode l : e.path("layers")) {
        if (l.path("kind").asText().startsWith("DENSE")) {
          nonzeros += l.path("nonzeros").asLong();
        }
      }
      // The header holds each epoch's EpochMetrics as recorded: its test metrics by name.
      show(r, e.path("epoch").asInt(), e.path("testMetrics").path(metric).asDouble(), nonzeros);
    }
  }

  private void showCommitted(RunSpec r) throws IOException {
    Path csv = runs.resolve(r.runId()).resolve("epochs.csv");
    if (!Files.isRegularFile(csv)) {
      return;
    }
    Table t =
        Table.read()
            .usingOptions(CsvReadOptions.builder(csv.toFile()).missingValueIndicator("", "NaN"));
    String metric = "test_" + TaskFile.of(r).primary().name();
    for (int i = 0; i < t.rowCount(); i++) {
      show(
          r,
          (int) t.numberColumn("epoch").getDouble(i),
          t.numberColumn(metric).getDouble(i),
          (long) t.numberColumn("dense_nonzeros").getDouble(i));
    }
  }

  private void show(RunSpec r, int epoch, double metric, long nonzeros) {
    if (epoch <= shown.getOrDefault(r.runId(), 0)) {
      return;
    }
    shown.put(r.runId(), epoch);
    progress.epoch(
        r.runId(),
        epoch,
        String.format(
            Locale.ROOT,
            "epoch %d/%d test %s %.4f, dense nonzeros %d",
            epoch,
            r.epochs(),
            TaskFile.of(r).primary().label(),
            metric,
            nonzeros));
  }
}
