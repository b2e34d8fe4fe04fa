package io.paretoprune.experiments.run;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * How the tasks of an ended job array ended, as Slurm tells it: {@code sacct} where the cluster
 * keeps accounting; else {@code scontrol show job} (which remembers an ended job for the
 * controller's MinJobAge); else the job-completion file of {@code jobcomp/filetxt}. The one-node
 * cluster of {@code scripts/slurm-local.sh} has no slurmdbd, so there the last two answer.
 */
final class SlurmTaskStates {
  private SlurmTaskStates() {}

  /**
   * For each array index Slurm knows of, its state and exit code, e.g. {@code CANCELLED (exit 0:15,
   * sacct)}.
   */
  static Map<Integer, String> of(String jobId) throws InterruptedException {
    try {
      Map<Integer, String> s = sacct(jobId);
      if (!s.isEmpty()) {
        return s;
      }
      s = scontrol(jobId);
      if (!s.isEmpty()) {
        return s;
      }
      return jobcomp(jobId);
    } catch (IOException e) {
      return Map.of();
    }
  }

  private static Map<Integer, String> sacct(String jobId) throws IOException, InterruptedException {
    SlurmCommands.Result r =
        SlurmCommands.run(
            List.of("sacct", "-n", "-P", "-X", "-j", jobId, "-o", "JobID,State,ExitCode"));
    Map<Integer, String> out = new HashMap<>();
    if (!r.ok()) {
      return out; // "Slurm accounting storage is disabled"
    }
    for (String line : r.out().lines().toList()) {
      String[] f = line.split("\\|");
      if (f.length == 3 && f[0].startsWith(jobId + "_")) {
        // Tasks that never started are one line, "<job>_[0-9]".
        String ids = f[0].substring(jobId.length() + 1).replaceAll("^\\[(.*)\\]$", "$1");
        for (int i : indices(ids)) {
          out.put(i, f[1] + " (exit " + f[2] + ", sacct)");
        }
      }
    }
    return out;
  }

  private static Map<Integer, String> scontrol(String jobId)
      throws IOException, InterruptedException {
    SlurmCommands.Result r = SlurmCommands.run(List.of("scontrol", "-o", "show", "job", jobId));
    Map<Integer, String> out = new HashMap<>();
    if (r.ok()) {
      r.out().lines().forEach(l -> record(jobId, fields(l), "scontrol", out));
    }
    return out;
  }

  private static Map<Integer, String> jobcomp(String jobId)
      throws IOException, InterruptedException {
    SlurmCommands.Result r = SlurmCommands.run(List.of("scontrol", "show", "config"));
    Map<Integer, String> out = new HashMap<>();
    if (!r.ok()) {
      return out;
    }
    Map<String, String> config = new HashMap<>();
    for (String line : r.out().lines().toList()) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        config.put(line.substring(0, eq).strip(), line.substring(eq + 1).strip());
      }
    }
    Path file = Path.of(config.getOrDefault("JobCompLoc", "/nonexistent"));
    if (!"jobcomp/filetxt".equals(config.get("JobCompType")) || !Files.isRegularFile(file)) {
      return out;
    }
    // Later lines win: a requeued task ends more than once.
    for (String line : Files.readAllLines(file)) {
      record(jobId, fields(line), "jobcomp", out);
    }
    return out;
  }

  private static void record(
      String jobId, Map<String, String> f, String source, Map<Integer, String> out) {
    if (jobId.equals(f.get("ArrayJobId")) && f.containsKey("JobState")) {
      String state =
          f.get("JobState") + " (exit " + f.getOrDefault("ExitCode", "?") + ", " + source + ")";
      // Tasks that never started share one record, their indices as a range ("0-9%2").
      for (int i : indices(f.getOrDefault("ArrayTaskId", ""))) {
        out.put(i, state);
      }
    }
  }

  /**
   * The array indices of Slurm's {@code ArrayTaskId}: one index, or a list of indices and ranges
   * with an optional step and throttle ({@code 3}, {@code 0-9}, {@code 1,4-6}, {@code 0-8:2%1});
   * empty for anything else.
   */
  static List<Integer> indices(String expr) {
    String e = expr.replaceAll("%[0-9]+$", "");
    if (!e.matches(
        "[0-9]{1,9}(-[0-9]{1,9}(:[0-9]{1,9})?)?(,[0-9]{1,9}(-[0-9]{1,9}(:[0-9]{1,9})?)?)*")) {
      return List.of();
    }
    List<Integer> out = new java.util.ArrayList<>();
    for (String item : e.split(",")) {
      String[] stepped = item.split(":");
      int step = stepped.length > 1 ? Math.max(1, Integer.parseInt(stepped[1])) : 1;
      String[] range = stepped[0].split("-");
      int lo = Integer.parseInt(range[0]);
      int hi = range.length > 1 ? Integer.parseInt(range[1]) : lo;
      for (int i = lo; i <= hi && out.size() <= MAX_INDICES; i += step) {
        out.add(i);
      }
    }
    return out;
  }

  /** More indices than any array of ours has (Slurm's MaxArraySize is 1001 by default). */
  private static final int MAX_INDICES = 1_000_000;

  /** {@code Key=Value} tokens of one line of scontrol or the completion file. */
  static Map<String, String> fields(String line) {
    Map<String, String> f = new HashMap<>();
    for (String token : line.strip().split("\\s+")) {
      int eq = token.indexOf('=');
      if (eq > 0) {
        f.put(token.substring(0, eq), token.substring(eq + 1));
      }
    }
    return f;
  }
}
