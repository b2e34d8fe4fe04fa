package io.paretoprune.experiments.suite;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.paretoprune.core.data.BatchOrder;
import java.util.List;
import java.util.Map;

/**
 * A validated suite: what to train, how, with which optimizers and seeds.
 *
 * @param parallel processes at once; 0 means cores / threadsPerRun
 * @param pack runs trained as one packed network per process: 1 trains each run alone, 0 ({@code
 *     auto}, the default) lets {@link io.paretoprune.experiments.run.RunPacking} choose
 * @param pareto a Pareto-front search, or null
 * @param executor where runs train: {@code local} (processes on this machine) or {@code slurm} (one
 *     job array per suite)
 * @param slurm what the Slurm executor asks for; {@link SlurmSpec#DEFAULTS} without a block
 */
public record SuiteSpec(
    String name,
    DatasetSpec dataset,
    PluginSpec model,
    List<ObjectiveSpec> objectives,
    List<OptimizerSpec> optimizers,
    PluginSpec pruning,
    List<Long> seeds,
    int epochs,
    int batchSize,
    int evalBatchSize,
    int maxStepsPerEpoch,
    int threadsPerRun,
    int parallel,
    int pack,
    ParetoSpec pareto,
    String executor,
    SlurmSpec slurm) {

  /** The executors a suite can name in {@code runner: {executor: ...}}. */
  public static final java.util.List<String> EXECUTORS = java.util.List.of("local", "slurm");

  /** The same suite with another executor (the command line's {@code --executor}). */
  public SuiteSpec withExecutor(String other) {
    return new SuiteSpec(
        name,
        dataset,
        model,
        objectives,
        optimizers,
        pruning,
        seeds,
        epochs,
        batchSize,
        evalBatchSize,
        maxStepsPerEpoch,
        threadsPerRun,
        parallel,
        pack,
        pareto,
        other,
        slurm);
  }

  /**
   * Data set name, optional directory (default {@code <data>/<name>}), optional size limits, and
   * the batch order ({@code null}: shuffled; left out of the JSON then, so that the config hashes
   * of runs made before the key existed stay as they were).
   */
  public record DatasetSpec(
      String name,
      String dir,
      int trainLimit,
      int testLimit,
      @JsonInclude(JsonInclude.Include.NON_NULL) String batchOrder) {
    public DatasetSpec(String name, String dir, int trainLimit, int testLimit) {
      this(name, dir, trainLimit, testLimit, null);
    }

    /** The order the runs deal their batches in. */
    public BatchOrder order() {
      return batchOrder == null ? BatchOrder.SHUFFLED : BatchOrder.byKey(batchOrder);
    }
  }

  /** A plug-in by name with its settings. */
  public record PluginSpec(String name, Map<String, Object> settings) {}

  /**
   * One optimizer entry; {@code objectives} overrides the suite's problem and {@code pruning} the
   * suite's pruning rule when not null.
   */
  public record OptimizerSpec(
      String label,
      String name,
      Map<String, Object> settings,
      List<ObjectiveSpec> objectives,
      PluginSpec pruning) {
    public OptimizerSpec(
        String label, String name, Map<String, Object> settings, List<ObjectiveSpec> objectives) {
      this(label, name, settings, objectives, null);
    }
  }

  /** One objective: an optional data loss plus penalties. */
  public record ObjectiveSpec(String name, String loss, List<PenaltySpec> penalties) {}

  /** {@code type} is l1, l2 or group_lasso; {@code on} a parameter selector. */
  public record PenaltySpec(String type, String on, double factor) {}

  /**
   * A weighted-sum Pareto search (method.md): each weighting trains {@code epochs} epochs with the
   * {@code weighted} optimizer on the suite's first two objectives, stepping with {@code step},
   * once per seed of {@link #seeds()}; the search decides on the mean over those seeds. The knee is
   * retrained for the suite's full epochs when {@code retrain}.
   *
   * @param seed the first seed of every weighting (and the stochastic dichotomic search's draws)
   * @param seedsPerWeighting how many seeds each weighting trains: {@code seed, seed + 1, ...}
   * @param sweep the sweep's values of c2, in order; null for the paper's 26
   */
  public record ParetoSpec(
      String search,
      int epochs,
      int maxEvaluations,
      long seed,
      boolean retrain,
      String knee,
      Map<String, Object> stepSettings,
      int seedsPerWeighting,
      List<Double> sweep) {
    /** One seed, the paper's sweep: the search as it was before either key existed. */
    public ParetoSpec(
        String search,
        int epochs,
        int maxEvaluations,
        long seed,
        boolean retrain,
        String knee,
        Map<String, Object> stepSettings) {
      this(search, epochs, maxEvaluations, seed, retrain, knee, stepSettings, 1, null);
    }

    /** The seeds every weighting trains, {@code seed} first. */
    public List<Long> seeds() {
      return java.util.stream.LongStream.range(seed, seed + seedsPerWeighting).boxed().toList();
    }

    /**
     * The {@code weighted} optimizer's settings for weighting {@code (c1, c2)}: SGD (momentum 0.9,
     * lr 0.01, inverse time) unless {@code step} says otherwise. Those defaults are SGD's: with
     * another step rule ({@code step: adam}, say) only what {@code step} gives is set, and the
     * rule's own defaults hold for the rest.
     */
    public Map<String, Object> weightedSettings(double c1, double c2) {
      Map<String, Object> settings = new java.util.LinkedHashMap<>();
      Object rule = stepSettings.getOrDefault("step", "sgd");
      if ("sgd".equals(rule)) {
        settings.put("step", "sgd");
        settings.put("lr", 0.01);
        settings.put("momentum", 0.9);
        settings.put("schedule", "inverse_time");
      }
      settings.putAll(stepSettings);
      settings.put("weights", List.of(c1, c2));
      return settings;
    }
  }
}
