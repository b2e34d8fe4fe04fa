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
 * which runs each array index trains; {@code slurm/arrays.json} lists every array submitted there,
 * oldest first. A Pareto search keeps its own under {@code pareto/slurm/}, beside {@code
 * pareto/runs/}. The last one is the folder's lock across nodes: while the job is in {@code
 * squeue}, no other {@code run} or {@code pareto} may write the folder (a file lock is per host,
 * and unreliable on NFS).
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

  /** Where a Pareto search's runs and arrays live, under the suite's results folder. */
  static final String PARETO = "pareto";

  static Path file(Path resultsDir) {
    return resultsDir.resolve(DIR).resolve("job.json");
  }

  static Path historyFile(Path resultsDir) {
    return resultsDir.resolve(DIR).resolve("arrays.json");
  }

  /** Every array recorded for the folder ({@code slurm/arrays.json}), oldest first. */
  public static List<SlurmJob> history(Path resultsDir) throws IOException {
    Path f = historyFile(resultsDir);
    if (!Files.isRegularFile(f)) {
      return List.of();
    }
    try {
      return List.of(JSON.readValue(f.toFile(), SlurmJob[].class));
    } catch (IOException e) {
      throw new ResultsFolderException(
          f + ": not a list of job records (" + e.getMessage() + "); remove it");
    }
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

  /** Records this job as the folder's last ({@code job.json}) and adds it to its history. */
  void write(Path resultsDir) throws IOException {
    List<SlurmJob> all = new java.util.ArrayList<>(history(resultsDir));
    all.add(this);
    replace(file(resultsDir), JSON.writeValueAsString(this));
    replace(historyFile(resultsDir), JSON.writerWithDefaultPrettyPrinter().writeValueAsString(all));
  }

  private static void replace(Path f, String content) throws IOException {
    Files.createDirectories(f.getParent());
    Path tmp = f.resolveSibling(f.getFileName() + ".tmp");
    Files.writeString(tmp, content);
    Files.move(tmp, f, StandardCopyOption.ATOMIC_MOVE, StandardCopyOption.REPLACE_EXISTING);
  }

  /** The {@code <job>_<index>} name Slurm gives array task {@code index}. */
  String task(int index) {
    return jobId + "_" + index;
  }

  /**
   * Refuses the folder while its suite's or its Pareto search's recorded job array is pending or
   * running. Without Slurm's tools on this machine the job cannot be asked about; the folder is
   * then treated as free (a results folder copied off the cluster, say).
   *
   * @throws ResultsFolderException naming the job id
   */
  static void refuseIfActive(Path resultsDir) throws IOException {
    refuseIfActive(resultsDir, resultsDir, false);
    refuseIfActive(resultsDir, resultsDir.resolve(PARETO), true);
  }

  private static void refuseIfActive(Path resultsDir, Path base, boolean pareto)
      throws IOException {
    Optional<SlurmJob> job = read(base);
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
      String id = job.get().jobId();
      throw new ResultsFolderException(
          resultsDir
              + ": Slurm job array "
              + id
              + " of this folder"
              + (pareto ? " (its Pareto search's)" : "")
              + " is still pending or running ("
              + queued.size()
              + " task(s)); wait for it ("
              + (pareto
                  ? "squeue -j " + id + " lists what is left"
                  : "./paretoprune status " + resultsDir + " --wait")
              + ") or cancel it (scancel "
              + id
              + ")");
    }
  }
}
