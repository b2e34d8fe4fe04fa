package io.paretoprune.experiments.suite;

import java.util.List;

/**
 * A suite's {@code slurm:} block: what every task of its job array asks Slurm for. Each key maps to
 * one {@code sbatch} option (docs/cluster.md); null (or 0) leaves it to the cluster's default.
 *
 * @param partition {@code --partition}
 * @param time {@code --time} per task, in one of Slurm's forms ({@code 90}, {@code "1:30:00"},
 *     {@code "2-00:00:00"})
 * @param mem {@code --mem} per task ({@code 4G}, {@code 2048M}; a bare number is megabytes)
 * @param cpusPerTask {@code --cpus-per-task}; 0 means the suite's {@code threads_per_run}
 * @param account {@code --account}
 * @param qos {@code --qos}
 * @param maxParallel the {@code %K} of {@code --array=0-N%K}: tasks running at once; 0 for no limit
 * @param extraArgs further {@code sbatch} options, passed as written
 */
public record SlurmSpec(
    String partition,
    String time,
    String mem,
    int cpusPerTask,
    String account,
    String qos,
    int maxParallel,
    List<String> extraArgs) {

  /** No {@code slurm:} block: the cluster's defaults. */
  public static final SlurmSpec DEFAULTS =
      new SlurmSpec(null, null, null, 0, null, null, 0, List.of());

  /** The CPUs a task asks for: {@code cpus_per_task}, else the suite's threads per run. */
  public int cpus(int threadsPerRun) {
    return cpusPerTask > 0 ? cpusPerTask : threadsPerRun;
  }
}
