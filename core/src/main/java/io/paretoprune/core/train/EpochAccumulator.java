package io.paretoprune.core.train;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Running sums over one epoch. Losses and correct counts stay on the engine and are read once at
 * the epoch's end, so the step loop makes no host copy for them.
 */
final class EpochAccumulator implements AutoCloseable {
  private final NDArray[] lossSums;
  private final NDArray correct;
  private long seen;
  private final List<GroupStats> groups = new ArrayList<>();

  EpochAccumulator(NDManager manager, ProblemLayout layout) {
    lossSums = new NDArray[layout.objectiveCount()];
    for (int i : layout.autograd) {
      lossSums[i] = manager.zeros(new Shape(), DataType.FLOAT32);
    }
    correct = manager.zeros(new Shape(), DataType.INT64);
    for (GroupRule g : layout.groups) {
      groups.add(new GroupStats(g.name(), g.objectives()));
    }
  }

  void addLoss(int objective, NDArray loss) {
    lossSums[objective].addi(loss);
  }

  /** Adds a sum over several batches computed elsewhere (a packed trainer's per-run totals). */
  void addLossTotal(int objective, float total) {
    lossSums[objective].addi(total);
  }

  /** Adds {@code count} correct predictions out of {@code examples}. */
  void addCorrectTotal(long count, long examples) {
    correct.addi(count);
    seen += examples;
  }

  void addCorrect(NDArray logits, NDArray labels) {
    correct.addi(logits.argMax(1).eq(labels).sum());
    seen += labels.getShape().get(0);
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
    return lossSums[objective] == null ? 0 : lossSums[objective].getFloat() / steps;
  }

  double accuracy() {
    return seen == 0 ? Double.NaN : (double) correct.getLong() / seen;
  }

  List<WeightStats> weightStats() {
    return groups.stream().map(GroupStats::stats).toList();
  }

  @Override
  public void close() {
    for (NDArray a : lossSums) {
      if (a != null) {
        a.close();
      }
    }
    correct.close();
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
