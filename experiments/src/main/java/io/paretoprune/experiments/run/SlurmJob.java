package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.List;
import java.util.Optional;

/**
 * The job array last submitted for a results folder, recorded in {@code slurm/job.json}: its id and
 * which runs each array index trains. It is the folder's lock across nodes: while the job is in
 * {@code squeue}, no other {@code run} or {@code pareto} may write the folder (a file lock is per
 * host, and unreliable on NFS).
 *
 * @param jobId Slurm's id of the array
 * @param submittedAt UTC time of the submission
 * @param command the {@code sbatch} command line, as run
 * @param tasks for each array index, the run ids its process trains (one run, or a pack)
 */
public record SlurmJob(
    String jobId, String submittedAt, List<String> command, List<List<String>> tasks) {
  static final String DIR = "slurm";
  private static final ObjectMapper JSON = RunExecutor.JSON;

  static Path file(Path resultsDir) {
    return resultsDir.resolve(DIR).resolve("job.json");
  }

  /** The folder's recorded job, if one was ever submitted. */
  public static Optional<SlurmJob> read(Path resultsDir) throws IOException {
    Path f = file(resultsDir);
    if (!Files.isRegularFile(f)) {
      return Optional.empty();
    }
    try {
      return Optional.of(JSON.readValue(f.toFile(), SlurmJob.class));
    } catch (IOException e) {
      throw new ResultsFolderException(
          f + ": not a job record (" + e.getMessage() + "); remove it");
    }
  }

  void write(Path resultsDir) throws IOException {
    Path f = file(resultsDir);
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling("job.json.tmp");
    Files.writeString(tmp, JSON.writeValueAsString(this));
    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The {@code <job>_<index>} name Slurm gives array task {@code index}. */
  String task(int index) {
    return jobId + "_" + index;
  }

  /**
   * Refuses the folder while its recorded job array is pending or running. Without Slurm's tools on
   * this machine the job cannot be asked about; the folder is then treated as free (a results
   * folder copied off the cluster, say).
   *
   * @throws ResultsFolderException naming the job id
   */
  static void refuseIfActive(Path resultsDir) throws IOException {
    Optional<SlurmJob> job = read(resultsDir);
    if (job.isEmpty()) {
      return;
    }
    List<String[]> queued;
    try {
      queued = SlurmCommands.queued(job.get().jobId());
    } catch (IOException e) {
      if (e.getMessage().contains("not found on PATH")) {
        return;
      }
      throw e;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IOException("interrupted while asking squeue", e);
    }
    if (!queued.isEmpty()) {
      throw new ResultsFolderException(
          resultsDir
              + ": Slurm job array "
              + job.get().jobId()
              + " of this folder is still pending or running ("
              + queued.size()
              + " task(s)); wait for it (./paretoprune status "
              + resultsDir
              + " --wait) or cancel it (scancel "
              + job.get().jobId()
              + ")");
    }
  }
}
