package io.paretoprune.experiments.run;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SlurmSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Submits a suite's packs as one Slurm job array, {@code sbatch --array=0-N%K}, one task per pack:
 * the task list ({@code slurm/tasks.txt}, one spec file per line) and the batch script ({@code
 * slurm/array.sbatch}) go into the results folder, the job id into {@code slurm/job.json}. Each
 * task runs the same {@link RunMain} JVM a local run starts ({@link ChildJvm}), writing only its
 * own run folders; this process then waits, printing progress read from those folders, and reports
 * a task that ended without its runs with its Slurm state and stderr tail.
 */
final class SlurmLauncher implements PackLauncher {
  /** How often the run folders are read for progress. */
  static final long FILE_POLL_MS = 2_000;

  /** How often squeue is asked whether tasks are left (kept low: clusters dislike polling). */
  static final long QUEUE_POLL_MS = 10_000;

  private static final int TAIL_LINES = 10;

  private final Path resultsDir;
  private final Path runs;
  private final Path dataRoot;
  private final String gitCommit;
  private final SuiteSpec suite;
  private final String suiteFile;
  private final boolean detach;
  private final PrintStream out;
  private final String jobName;

  /** For a suite's runs: {@code runs/} and {@code slurm/} of its results folder. */
  SlurmLauncher(
      Path resultsDir,
      Path dataRoot,
      String gitCommit,
      SuiteSpec suite,
      String suiteFile,
      boolean detach,
      PrintStream out) {
    this(resultsDir, dataRoot, gitCommit, suite, suiteFile, detach, out, "pp-" + suite.name());
  }

  /**
   * @param resultsDir the folder holding {@code runs/} and {@code slurm/}: a suite's results
   *     folder, or its {@code pareto/} for a search's weightings
   * @param jobName the arrays' {@code --job-name}
   */
  SlurmLauncher(
      Path resultsDir,
      Path dataRoot,
      String gitCommit,
      SuiteSpec suite,
      String suiteFile,
      boolean detach,
      PrintStream out,
      String jobName) {
    this.jobName = jobName;
    this.resultsDir = resultsDir.toAbsolutePath();
    this.runs = this.resultsDir.resolve("runs");
    this.dataRoot = dataRoot.toAbsolutePath();
    this.gitCommit = gitCommit;
    this.suite = suite;
    this.suiteFile = suiteFile;
    this.detach = detach;
    this.out = out;
  }

  @Override
  public boolean detached() {
    return detach;
  }

  /** {@code sbatch --test-only} with the suite's options: Slurm's refusal before any change. */
  @Override
  public void check() throws IOException, InterruptedException {
    Path script = Files.createTempFile("paretoprune-check", ".sbatch");
    try {
      Files.writeString(script, "#!/bin/sh\ntrue\n");
      List<String> cmd = new ArrayList<>(List.of("sbatch", "--test-only", "--array=0-0"));
      cmd.addAll(options());
      cmd.add(script.toString());
      refuseOnError(SlurmCommands.run(cmd));
    } finally {
      Files.deleteIfExists(script);
    }
  }

  @Override
  public List<RunOutcome> launch(List<List<RunSpec>> packs, SuiteProgress progress)
      throws IOException, InterruptedException {
    if (packs.isEmpty()) {
      return List.of();
    }
    Path dir = resultsDir.resolve(SlurmJob.DIR);
    Path logs = dir.resolve("logs");
    Files.createDirectories(logs);
    // The last array has ended (the folder would be refused otherwise): its task files go.
    try (var old = Files.newDirectoryStream(dir, "task-*.json")) {
      for (Path f : old) {
        Files.delete(f);
      }
    }
    List<String> specFiles = new ArrayList<>();
    for (int i = 0; i < packs.size(); i++) {
      List<RunSpec> pack = packs.get(i);
      Path spec = dir.resolve("task-" + i + ".json");
      Files.writeString(
          spec,
          pack.size() == 1
              ? pack.get(0).toJson()
              : pack.stream()
                  .map(RunSpec::toJson)
                  .collect(Collectors.joining(",\n", "[\n", "\n]")));
      specFiles.add(spec.toString());
    }
    Files.write(dir.resolve("tasks.txt"), specFiles);
    Path script = dir.resolve("array.sbatch");
    List<String> cmd = new ArrayList<>(List.of("sbatch", "--parsable", array(packs.size())));
    cmd.add("--job-name=" + jobName);
    cmd.add("--output=" + logs.resolve("%A_%a.out"));
    cmd.add("--error=" + logs.resolve("%A_%a.err"));
    cmd.addAll(options());
    cmd.add(script.toString());
    Files.writeString(script, script(dir.resolve("tasks.txt"), cmd));
    SlurmCommands.Result r = SlurmCommands.run(cmd);
    refuseOnError(r);
    String jobId = r.out().strip().split(";")[0];
    SlurmJob job =
        new SlurmJob(
            jobId,
            Instant.now().toString(),
            cmd,
            packs.stream().map(p -> p.stream().map(RunSpec::runId).toList()).toList());
    job.write(resultsDir);
    out.printf(
        "submitted Slurm job array %s: %d task(s)%s; task list and script in %s%n",
        jobId,
        packs.size(),
        suite.slurm().maxParallel() > 0
            ? ", at most " + suite.slurm().maxParallel() + " at once"
            : "",
        dir);
    if (detach) {
      out.println(
          "detached: ./paretoprune status "
              + resultsDir
              + " shows how far it is; scancel "
              + jobId
              + " stops it");
      List<RunOutcome> submitted = new ArrayList<>();
      for (int i = 0; i < packs.size(); i++) {
        for (RunSpec s : packs.get(i)) {
          submitted.add(new RunOutcome(s.runId(), "submitted", "task " + job.task(i)));
        }
      }
      return submitted;
    }
    out.println(
        "waiting for it (stopping this command leaves the array running; scancel "
            + jobId
            + " stops it)");
    return await(job, packs, progress);
  }

  /**
   * Waits until job {@code job} has left the queue, printing each run's epochs as they appear in
   * its folder; returns one outcome per run of {@code packs} (the job's tasks, in index order).
   */
  List<RunOutcome> await(SlurmJob job, List<List<RunSpec>> packs, SuiteProgress progress)
      throws IOException, InterruptedException {
    FolderProgress folders =
        new FolderProgress(runs, progress, packs.stream().flatMap(List::stream).toList());
    long nextQueue = 0;
    while (true) {
      boolean allDone = folders.poll();
      long now = System.currentTimeMillis();
      if (allDone || now >= nextQueue) {
        if (SlurmCommands.queued(job.jobId()).isEmpty()) {
          break;
        }
        nextQueue = now + QUEUE_POLL_MS;
      }
      Thread.sleep(FILE_POLL_MS);
    }
    folders.poll();
    Map<Integer, String> states = null;
    Path logs = resultsDir.resolve(SlurmJob.DIR).resolve("logs");
    List<RunOutcome> outcomes = new ArrayList<>();
    for (int i = 0; i < packs.size(); i++) {
      List<RunSpec> pack = packs.get(i);
      Path err = logs.resolve(job.task(i) + ".err");
      boolean complete = pack.stream().allMatch(s -> RunDirectory.isComplete(runs, s.runId()));
      if (!complete) {
        if (states == null) {
          states = SlurmTaskStates.of(job.jobId());
        }
        String state = states.getOrDefault(i, "state unknown to Slurm");
        String ids = pack.stream().map(RunSpec::runId).collect(Collectors.joining(", "));
        out.println("task " + job.task(i) + " (" + ids + ") ended " + state + "; " + tail(err));
        for (RunSpec s : pack) {
          if (!RunDirectory.isComplete(runs, s.runId())) {
            folders.failed(
                s.runId(), "Slurm task " + job.task(i) + " " + state + " (log: " + err + ")");
          }
        }
      }
      for (RunSpec s : pack) {
        if (RunDirectory.isComplete(runs, s.runId())) {
          outcomes.add(new RunOutcome(s.runId(), folders.status(s), ""));
        } else {
          outcomes.add(
              new RunOutcome(
                  s.runId(),
                  "failed",
                  "Slurm task " + job.task(i) + " ended without it (log: " + err + ")"));
        }
      }
      if (complete) {
        Files.deleteIfExists(err);
        Files.deleteIfExists(logs.resolve(job.task(i) + ".out"));
      }
    }
    return outcomes;
  }

  /** The last lines of a task's stderr, indented, or why there are none. */
  static String tail(Path err) throws IOException {
    if (!Files.isRegularFile(err)) {
      return "no stderr file " + err;
    }
    List<String> lines = Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList();
    if (lines.isEmpty()) {
      return "its stderr (" + err + ") is empty";
    }
    List<String> last = lines.subList(Math.max(0, lines.size() - TAIL_LINES), lines.size());
    return "last lines of " + err + ":\n    " + String.join("\n    ", last);
  }

  private String array(int tasks) {
    int k = suite.slurm().maxParallel();
    return "--array=0-" + (tasks - 1) + (k > 0 ? "%" + k : "");
  }

  /** The sbatch options of the suite's {@code slurm:} block. */
  List<String> options() {
    SlurmSpec s = suite.slurm();
    List<String> o = new ArrayList<>();
    o.add("--cpus-per-task=" + s.cpus(suite.threadsPerRun()));
    if (s.partition() != null) {
      o.add("--partition=" + s.partition());
    }
    if (s.time() != null) {
      o.add("--time=" + s.time());
    }
    if (s.mem() != null) {
      o.add("--mem=" + s.mem());
    }
    if (s.account() != null) {
      o.add("--account=" + s.account());
    }
    if (s.qos() != null) {
      o.add("--qos=" + s.qos());
    }
    o.addAll(s.extraArgs());
    return o;
  }

  private void refuseOnError(SlurmCommands.Result r) {
    if (!r.ok()) {
      throw new ConfigException(suiteFile, "slurm", "sbatch refused the job: " + r.errorLine());
    }
  }

  /**
   * The batch script: array task i runs the spec file on line i + 1 of the task list in the JVM a
   * local run would start. {@code PARETOPRUNE_JAVA} (exported by sbatch from the submitting shell)
   * names another java for the nodes.
   */
  private String script(Path taskList, List<String> sbatch) {
    List<String> jvm = ChildJvm.command(Path.of("SPEC"), dataRoot, runs, gitCommit);
    StringBuilder s = new StringBuilder("#!/bin/bash\n");
    s.append("# Written by paretoprune for suite ")
        .append(suite.name())
        .append(": one task per line of\n");
    s.append("# ").append(taskList).append(" (array index = line - 1). Submitted as:\n");
    s.append("#   ")
        .append(sbatch.stream().map(SlurmLauncher::quote).collect(Collectors.joining(" ")));
    s.append("\nset -eu\n");
    s.append("spec=$(sed -n \"$((SLURM_ARRAY_TASK_ID + 1))p\" ")
        .append(quote(taskList.toString()))
        .append(")\n");
    s.append(
        "[ -n \"$spec\" ] || { echo \"paretoprune: no line $((SLURM_ARRAY_TASK_ID + 1)) in the task list\" >&2; exit 2; }\n");
    s.append("exec \"${PARETOPRUNE_JAVA:-").append(jvm.get(0)).append("}\"");
    for (String a : jvm.subList(1, jvm.size())) {
      s.append(' ').append(a.equals("SPEC") ? "\"$spec\"" : quote(a));
    }
    return s.append('\n').toString();
  }

  static String quote(String a) {
    return a.matches("[A-Za-z0-9_./=:,%@+-]+") ? a : "'" + a.replace("'", "'\\''") + "'";
  }
}
