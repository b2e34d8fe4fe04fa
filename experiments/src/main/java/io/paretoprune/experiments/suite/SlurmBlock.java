package io.paretoprune.experiments.suite;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * Parses and checks the {@code slurm:} block, so that a wrong value is one line naming the file and
 * key before anything is submitted, not a refusal from {@code sbatch} after the folder was set up.
 * What only the cluster knows (whether a partition exists) is asked of {@code sbatch --test-only}
 * before submitting.
 */
final class SlurmBlock {
  static final Set<String> KEYS =
      Set.of(
          "partition",
          "time",
          "mem",
          "cpus_per_task",
          "account",
          "qos",
          "max_parallel",
          "extra_args");

  /** Slurm's --time forms: M, M:S, H:M:S, D-H, D-H:M, D-H:M:S; or UNLIMITED. */
  private static final Pattern TIME =
      Pattern.compile(
          "[0-9]+|[0-9]+:[0-9]{1,2}|[0-9]+:[0-9]{1,2}:[0-9]{1,2}"
              + "|[0-9]+-[0-9]{1,2}(:[0-9]{1,2}(:[0-9]{1,2})?)?|UNLIMITED|unlimited|INFINITE");

  private static final Pattern MEM = Pattern.compile("[0-9]+[KMGT]?");
  private static final Pattern PARTITIONS = Pattern.compile("[A-Za-z0-9_.+-]+(,[A-Za-z0-9_.+-]+)*");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9_.+-]+");

  /** Options the executor sets itself; giving them again would break the array. */
  private static final List<String> OURS =
      List.of(
          "--array",
          "-a",
          "--output",
          "-o",
          "--error",
          "-e",
          "--parsable",
          "--wrap",
          "--job-name",
          "-J",
          "--test-only");

  private SlurmBlock() {}

  static SlurmSpec parse(ConfigNode n, int threadsPerRun) {
    if (n.isMissing()) {
      return SlurmSpec.DEFAULTS;
    }
    n.allowOnly(KEYS);
    String partition = n.text("partition", null);
    if (partition != null && !PARTITIONS.matcher(partition).matches()) {
      throw n.error(
          "partition",
          "expected a partition name (or several, comma-separated), got '" + partition + "'");
    }
    String time = n.text("time", null);
    if (time != null && !TIME.matcher(time).matches()) {
      throw n.error(
          "time",
          "expected minutes or Slurm's MM:SS, HH:MM:SS, D-HH, D-HH:MM, D-HH:MM:SS (quote it:"
              + " \"1:30:00\"), got '"
              + time
              + "'");
    }
    String mem = n.text("mem", null);
    if (mem != null && !MEM.matcher(mem).matches()) {
      throw n.error(
          "mem",
          "expected a whole number with an optional K, M, G or T (4G, 2048M), got '" + mem + "'");
    }
    int cpus = n.integer("cpus_per_task", 0, 1, 4096);
    if (cpus > 0 && cpus < threadsPerRun) {
      throw n.error(
          "cpus_per_task",
          "must be at least threads_per_run ("
              + threadsPerRun
              + "), or every task would run more threads than it has CPUs; got "
              + cpus);
    }
    List<String> extra = new ArrayList<>();
    ConfigNode e = n.get("extra_args");
    if (!e.isMissing()) {
      for (ConfigNode a : e.list()) {
        String arg = a.text();
        if (!arg.startsWith("-") || arg.contains("\n")) {
          throw a.error("expected one sbatch option such as --constraint=avx2, got '" + arg + "'");
        }
        String option =
            arg.startsWith("--")
                ? (arg.contains("=") ? arg.substring(0, arg.indexOf('=')) : arg)
                : arg.substring(0, Math.min(2, arg.length()));
        if (OURS.contains(option)) {
          throw a.error("'" + option + "' is set by paretoprune for the job array; remove it");
        }
        extra.add(arg);
      }
    }
    return new SlurmSpec(
        partition,
        time,
        mem,
        cpus,
        name(n, "account"),
        name(n, "qos"),
        n.integer("max_parallel", 0, 1, 1_000_000),
        List.copyOf(extra));
  }

  private static String name(ConfigNode n, String key) {
    String v = n.text(key, null);
    if (v != null && !NAME.matcher(v).matches()) {
      throw n.error(
          key, "expected a name of letters, digits, '_', '.', '+' or '-', got '" + v + "'");
    }
    return v;
  }
}
