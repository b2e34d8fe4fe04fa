package io.paretoprune.core.train.result;

/**
 * The weights one group's rule chose over an epoch.
 *
 * @param objectives indices of the objectives the weights refer to
 * @param stationarySteps steps at which {@code ||d||} was below the stationarity tolerance
 * @param recordedMeans per name the rule {@link GradientCombiner#recorded() reported}, the epoch
 *     mean of each objective's value; empty when it reported nothing (and in checkpoints written
 *     before this field existed)
 */
public record WeightStats(
    String group,
    int[] objectives,
    double[] mean,
    double[] min,
    double[] max,
    double meanDirectionNorm,
    long stationarySteps,
    java.util.Map<String, double[]> recordedMeans) {

  public WeightStats {
    recordedMeans = recordedMeans == null ? java.util.Map.of() : recordedMeans;
  }

  /** Statistics of a rule that reported nothing besides its weights. */
  public WeightStats(
      String group,
      int[] objectives,
      double[] mean,
      double[] min,
      double[] max,
      double meanDirectionNorm,
      long stationarySteps) {
    this(group, objectives, mean, min, max, meanDirectionNorm, stationarySteps, java.util.Map.of());
  }
}
