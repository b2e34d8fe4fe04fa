package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Starts one run, or a pack of runs, in its own JVM and waits for it. Progress lines from the run
 * go to a {@link SuiteProgress}; its stderr goes to {@code runs/.logs/<id>.log}, kept when the run
 * fails.
 */
public final class RunLauncher {
  private final Path runs;
  private final Path dataRoot;
  private final String gitCommit;

  public RunLauncher(Path runs, Path dataRoot, String gitCommit) {
    this.runs = runs;
    this.dataRoot = dataRoot;
    this.gitCommit = gitCommit;
  }

  public Path runsDir() {
    return runs;
  }

  RunOutcome launch(RunSpec r, SuiteProgress progress) throws IOException, InterruptedException {
    return launch(List.of(r), progress).get(0);
  }

  /**
   * Starts one JVM for the runs (one run, or a pack trained as one network) and waits for it;
   * returns one outcome per run, in order.
   */
  List<RunOutcome> launch(List<RunSpec> pack, SuiteProgress progress)
      throws IOException, InterruptedException {
    Path logs = runs.resolve(".logs");
    Files.createDirectories(logs);
    String name = pack.size() == 1 ? pack.get(0).runId() : "pack-" + pack.get(0).runId();
    Path spec = logs.resolve(name + ".json");
    Files.writeString(
        spec,
        pack.size() == 1
            ? pack.get(0).toJson()
            : pack.stream().map(RunSpec::toJson).collect(Collectors.joining(",\n", "[\n", "\n]")));
    Path log = logs.resolve(name + ".log");
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(spec, dataRoot, runs, gitCommit));
    pb.redirectError(log.toFile());
    Map<String, RunSpec> byId = new LinkedHashMap<>();
    // A pack shares its data set, so one task (looked up once, not per progress line) names the
    // metric of its lines.
    String metric = TaskFile.of(pack.get(0)).primary().label();
    for (RunSpec r : pack) {
      byId.put(r.runId(), r);
      progress.started(r.runId(), r.epochs());
    }
    Process p = pb.start();
    Map<String, String> done = new HashMap<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        String[] f = line.split(" ");
        if (line.startsWith("@epoch ") && f.length == 5 && byId.containsKey(f[1])) {
          progress.epoch(
              f[1],
              Integer.parseInt(f[2]),
              "epoch "
                  + f[2]
                  + "/"
                  + byId.get(f[1]).epochs()
                  + " test "
                  + metric
                  + " "
                  + f[3]
                  + ", dense nonzeros "
                  + f[4]);
        } else if (line.startsWith("@done ") && f.length >= 3) {
          done.put(f[1], f[2]);
        }
      }
    }
    int code = p.waitFor();
    List<RunOutcome> out = new ArrayList<>();
    boolean allDone = true;
    for (RunSpec r : pack) {
      String status;
      String message = "";
      if (code == 0 && done.containsKey(r.runId()) && RunDirectory.isComplete(runs, r.runId())) {
        status = done.get(r.runId());
      } else {
        allDone = false;
        status = "failed";
        message = firstMessage(log) + " (log: " + log + ")";
      }
      progress.finished(r.runId(), status + (message.isEmpty() ? "" : ": " + message));
      out.add(new RunOutcome(r.runId(), status, message));
    }
    if (allDone) {
      Files.deleteIfExists(spec);
      Files.deleteIfExists(log);
    }
    return out;
  }

  private static String firstMessage(Path log) throws IOException {
    List<String> lines = Files.readAllLines(log);
    for (String l : lines) {
      if (!l.isBlank() && !l.startsWith("\tat ") && !l.startsWith("SLF4J")) {
        return l.strip();
      }
    }
    return "the run's process exited without a message";
  }
}
