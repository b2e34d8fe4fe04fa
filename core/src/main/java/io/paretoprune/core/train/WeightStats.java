package io.paretoprune.core.train;

/**
 * The weights one group's rule chose over an epoch.
 *
 * @param objectives indices of the objectives the weights refer to
 * @param stationarySteps steps at which {@code ||d||} was below the stationarity tolerance
 */
public record WeightStats(
    String group,
    int[] objectives,
    double[] mean,
    double[] min,
    double[] max,
    double meanDirectionNorm,
    long stationarySteps) {}
