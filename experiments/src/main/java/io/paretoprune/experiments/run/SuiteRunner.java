package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs a suite: every (optimizer, seed) in its own JVM, several at once, skipping runs whose
 * directory is complete (so a killed suite resumes where it stopped), then writes the suite's
 * summary and statistics.
 */
public final class SuiteRunner {
  private final Path resultsDir;
  private final Path dataRoot;
  private final PrintStream out;

  /**
   * @param resultsDir {@code results/<suite>}
   * @param dataRoot where data sets live ({@code data/})
   */
  public SuiteRunner(Path resultsDir, Path dataRoot, PrintStream out) {
    this.resultsDir = resultsDir;
    this.dataRoot = dataRoot;
    this.out = out;
  }

  /** Runs what is missing; returns one outcome per run of the suite. */
  public List<RunOutcome> run(SuiteSpec suite, Path suiteFile) throws IOException, InterruptedException {
    Path runs = resultsDir.resolve("runs");
    Files.createDirectories(runs.resolve(".logs"));
    Files.copy(suiteFile, resultsDir.resolve("suite.yaml"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    int stale = RunDirectory.removeStale(runs);
    if (stale > 0) {
      out.println("removed " + stale + " unfinished run director" + (stale == 1 ? "y" : "ies") + " of an earlier attempt");
    }
    List<RunSpec> all = RunPlanner.plan(suite);
    List<RunSpec> todo = new ArrayList<>();
    List<RunOutcome> outcomes = new ArrayList<>();
    for (RunSpec r : all) {
      if (RunDirectory.isComplete(runs, r.runId())) {
        outcomes.add(new RunOutcome(r.runId(), "skipped", "already complete"));
      } else {
        todo.add(r);
      }
    }
    int parallel = parallelism(suite);
    out.printf("suite %s: %d runs, %d already done, %d to run, %d at a time%n",
        suite.name(), all.size(), all.size() - todo.size(), todo.size(), parallel);
    SuiteProgress progress = new SuiteProgress(out, all.size(), all.size() - todo.size());
    String git = GitCommit.of(suiteFile.toAbsolutePath().getParent());
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<RunOutcome>> futures = new ArrayList<>();
      for (RunSpec r : todo) {
        futures.add(pool.submit(() -> runChild(r, runs, git, progress)));
      }
      for (Future<RunOutcome> f : futures) {
        try {
          outcomes.add(f.get());
        } catch (java.util.concurrent.ExecutionException e) {
          throw new IOException("run launcher failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    SuiteSummary.write(resultsDir, suite);
    return outcomes;
  }

  int parallelism(SuiteSpec suite) {
    if (suite.parallel() > 0) {
      return suite.parallel();
    }
    return Math.max(1, Runtime.getRuntime().availableProcessors() / suite.threadsPerRun());
  }

  private RunOutcome runChild(RunSpec r, Path runs, String git, SuiteProgress progress)
      throws IOException, InterruptedException {
    Path logs = runs.resolve(".logs");
    Path spec = logs.resolve(r.runId() + ".json");
    Files.writeString(spec, r.toJson());
    Path log = logs.resolve(r.runId() + ".log");
    ProcessBuilder pb = new ProcessBuilder(ChildJvm.command(spec, dataRoot, runs, git));
    pb.redirectError(log.toFile());
    progress.started(r.runId(), r.epochs());
    Process p = pb.start();
    String done = null;
    try (BufferedReader in = new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String line;
      while ((line = in.readLine()) != null) {
        if (line.startsWith("@epoch ")) {
          String[] f = line.split(" ");
          progress.epoch(r.runId(), Integer.parseInt(f[1]),
              "epoch " + f[1] + "/" + r.epochs() + " test accuracy " + f[2] + ", dense nonzeros " + f[3]);
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
