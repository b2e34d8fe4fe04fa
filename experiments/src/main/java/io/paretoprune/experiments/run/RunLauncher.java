package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Starts one run in its own JVM and waits for it. Progress lines from the run go to a {@link
 * SuiteProgress}; its stderr goes to {@code runs/.logs/<id>.log}, kept when the run fails.
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
    Path logs = runs.resolve(".logs");
    Files.createDirectories(logs);
    Path spec = logs.resolve(r.runId() + ".json");
    Files.writeString(spec, r.toJson());
    Path log = logs.resolve(r.runId() + ".log");
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(spec, dataRoot, runs, gitCommit));
    pb.redirectError(log.toFile());
    progress.started(r.runId(), r.epochs());
    Process p = pb.start();
    String done = null;
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("@epoch ")) {
          String[] f = line.split(" ");
          progress.epoch(
              r.runId(),
              Integer.parseInt(f[1]),
              "epoch "
                  + f[1]
                  + "/"
                  + r.epochs()
                  + " test accuracy "
                  + f[2]
                  + ", dense nonzeros "
                  + f[3]);
        } else if (line.startsWith("@done ")) {
          done = line.substring(6).split(" ")[0];
        }
      }
    }
    int code = p.waitFor();
    String status;
    String message = "";
    if (code == 0 && done != null && RunDirectory.isComplete(runs, r.runId())) {
      status = done;
      Files.deleteIfExists(spec);
      Files.deleteIfExists(log);
    } else {
      status = "failed";
      message = firstMessage(log) + " (log: " + log + ")";
    }
    progress.finished(r.runId(), status + (message.isEmpty() ? "" : ": " + message));
    return new RunOutcome(r.runId(), status, message);
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
