package io.paretoprune.core.train.engine;

import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.WeightStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One run's figures of one epoch: the combiner's weights step by step, and the loss and metric
 * totals {@link EpochTotals} kept on the engine and hands over at the epoch's end.
 */
final class EpochAccumulator {
  private final float[] lossTotals;
  private final Map<String, Double> metrics = new LinkedHashMap<>();
  private final List<GroupStats> groups = new ArrayList<>();

  EpochAccumulator(ProblemLayout layout) {
    lossTotals = new float[layout.objectiveCount()];
    for (GroupRule g : layout.groups) {
      groups.add(new GroupStats(g.name(), g.objectives()));
    }
  }

  /** Adds the epoch's sum of objective i's batch losses. */
  void addLossTotal(int objective, float total) {
    lossTotals[objective] += total;
  }

  /** Sets a task metric's value over the epoch's batches. */
  void setMetric(String name, double value) {
    metrics.put(name, value);
  }

  void addWeights(StepRecord r) {
    for (GroupStats g : groups) {
      if (g.name.equals(r.group())) {
        g.add(r.weights(), r.directionNorm(), r.recorded());
      }
    }
  }

  /** Mean data loss per batch of objective i, or 0 when it has none. */
  double meanLoss(int objective, int steps) {
    return lossTotals[objective] / steps;
  }

  /** The task's metrics over the epoch's batches, by name. */
  Map<String, Double> metrics() {
    return metrics;
  }

  List<WeightStats> weightStats() {
    return groups.stream().map(GroupStats::stats).toList();
  }

  private static final class GroupStats {
    final String name;
    final int[] objectives;
    final double[] sum;
    final double[] min;
    final double[] max;
    double normSum;
    final java.util.Map<String, double[]> recordedSums = new java.util.LinkedHashMap<>();
    long steps;
    long stationary;

    GroupStats(String name, int[] objectives) {
      this.name = name;
      this.objectives = objectives;
      int k = objectives.length;
      sum = new double[k];
      min = new double[k];
      max = new double[k];
      java.util.Arrays.fill(min, Double.POSITIVE_INFINITY);
      java.util.Arrays.fill(max, Double.NEGATIVE_INFINITY);
    }

    void add(double[] c, double norm, java.util.Map<String, double[]> recorded) {
      recorded.forEach(
          (name, v) -> {
            double[] s = recordedSums.computeIfAbsent(name, n -> new double[v.length]);
            for (int j = 0; j < Math.min(s.length, v.length); j++) {
              s[j] += v[j];
            }
          });
      for (int j = 0; j < c.length; j++) {
        sum[j] += c[j];
        min[j] = Math.min(min[j], c[j]);
        max[j] = Math.max(max[j], c[j]);
      }
      normSum += norm;
      if (norm < MultiObjectiveTrainer.STATIONARY_TOLERANCE) {
        stationary++;
      }
      steps++;
    }

    WeightStats stats() {
      double[] mean = new double[sum.length];
      for (int j = 0; j < sum.length; j++) {
        mean[j] = steps == 0 ? Double.NaN : sum[j] / steps;
      }
      return new WeightStats(
          name,
          objectives,
          mean,
          min.clone(),
          max.clone(),
          steps == 0 ? Double.NaN : normSum / steps,
          stationary,
          recordedMeans());
    }

    private java.util.Map<String, double[]> recordedMeans() {
      java.util.Map<String, double[]> means = new java.util.LinkedHashMap<>();
      recordedSums.forEach(
          (name, s) -> {
            double[] m = new double[s.length];
            for (int j = 0; j < s.length; j++) {
              m[j] = s[j] / steps;
            }
            means.put(name, m);
          });
      return means;
    }
  }
}
