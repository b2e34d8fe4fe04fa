package io.paretoprune.experiments.run;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Slurm's own command-line tools, run through {@link ProcessBuilder}: the interface every cluster
 * has, where a REST client would need slurmrestd and a token.
 */
final class SlurmCommands {
  /** What a command printed and returned. */
  record Result(int code, String out, String err) {
    boolean ok() {
      return code == 0;
    }

    /** Slurm's first error line ({@code sbatch: error: ...}), else its last line. */
    String errorLine() {
      List<String> lines = err.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
      for (String l : lines) {
        if (l.contains("error:")) {
          return l;
        }
      }
      return lines.isEmpty() ? "exit code " + code : lines.get(lines.size() - 1);
    }
  }

  private SlurmCommands() {}

  /** Runs {@code cmd}; an absent command is an {@link IOException} saying so. */
  static Result run(List<String> cmd) throws IOException, InterruptedException {
    Process p;
    try {
      p = new ProcessBuilder(cmd).redirectInput(ProcessBuilder.Redirect.PIPE).start();
    } catch (IOException e) {
      throw new IOException(
          cmd.get(0) + " not found on PATH: the slurm executor runs on a Slurm login node", e);
    }
    p.getOutputStream().close();
    // Slurm's tools print little; reading both streams after exit cannot block on a full pipe
    // for these few lines, but read them concurrently anyway for a verbose sacct.
    var out = new java.util.concurrent.CompletableFuture<String>();
    Thread t =
        new Thread(
            () -> {
              try {
                out.complete(new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8));
              } catch (IOException e) {
                out.complete("");
              }
            });
    t.start();
    String err = new String(p.getErrorStream().readAllBytes(), StandardCharsets.UTF_8);
    if (!p.waitFor(2, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IOException(String.join(" ", cmd) + " did not answer within 2 minutes");
    }
    t.join();
    return new Result(p.exitValue(), out.join(), err);
  }

  /** Whether a Slurm controller answers here ({@code sinfo} succeeds). */
  static boolean available() {
    try {
      return run(List.of("sinfo", "-h", "-o", "%P")).ok();
    } catch (IOException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }

  /**
   * The tasks of job {@code jobId} still in the queue (pending, running, completing), as {@code
   * <job>_<index> <state>} lines, one per task; empty when the job has left it.
   */
  static List<String[]> queued(String jobId) throws IOException, InterruptedException {
    Result r = run(List.of("squeue", "-h", "-r", "-j", jobId, "-o", "%i %T"));
    List<String[]> tasks = new ArrayList<>();
    if (!r.ok()) {
      // Slurm forgets an ended job after MinJobAge; squeue then calls its id invalid.
      if (r.err().contains("Invalid job id")) {
        return tasks;
      }
      throw new IOException("squeue -j " + jobId + " failed: " + r.errorLine());
    }
    for (String line : r.out().lines().toList()) {
      String[] f = line.strip().split("\\s+");
      if (f.length == 2) {
        tasks.add(f);
      }
    }
    return tasks;
  }
}
