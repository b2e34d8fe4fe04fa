package io.paretoprune.core.train.result;

import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.task.Accuracy;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What one epoch produced.
 *
 * @param epoch 1-based
 * @param objectiveNames names of the k objectives, in order
 * @param trainObjectives per objective: running mean of the data loss over the epoch's batches (as
 *     Keras reports it) plus the penalties at the epoch's end
 * @param testObjectives per objective on the whole test split at the epoch's end
 * @param trainMetrics the task's metrics by name (accuracy, say) over the epoch's batches, as they
 *     were trained (a running figure, as Keras reports it)
 * @param testMetrics the task's metrics by name on the test split at the epoch's end
 * @param weights per group, the chosen weights
 * @param layers sparsity of every parameter
 * @param seconds wall time of the epoch's training steps (evaluation excluded)
 * @param extraTests the figures of the data set's further test splits by name, in the data set's
 *     order (empty when it has none). Kept apart from {@code testMetrics}: those pair with the
 *     training figures ({@code train_<name>}, {@code test_<name>}), a further split has no training
 *     counterpart. Null (a checkpoint written before further splits existed) reads as empty.
 */
public record EpochMetrics(
    int epoch,
    List<String> objectiveNames,
    double[] trainObjectives,
    double[] testObjectives,
    Map<String, Double> trainMetrics,
    Map<String, Double> testMetrics,
    List<WeightStats> weights,
    List<LayerStats> layers,
    int steps,
    double seconds,
    Map<String, TestSplitMetrics> extraTests) {

  public EpochMetrics {
    // In the task's order (its primary metric first), which the results' columns follow.
    trainMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(trainMetrics));
    testMetrics = Collections.unmodifiableMap(new LinkedHashMap<>(testMetrics));
    extraTests =
        Collections.unmodifiableMap(
            extraTests == null ? new LinkedHashMap<>() : new LinkedHashMap<>(extraTests));
  }

  /** The training batches' accuracy, NaN when the task measures none. */
  public double trainAccuracy() {
    return trainMetrics.getOrDefault(Accuracy.NAME, Double.NaN);
  }

  /** The test split's accuracy, NaN when the task measures none. */
  public double testAccuracy() {
    return testMetrics.getOrDefault(Accuracy.NAME, Double.NaN);
  }

  /** Nonzero count over the parameters whose kind is dense (kernels and biases). */
  public long denseNonzeros() {
    return layers.stream()
        .filter(l -> ParameterKind.valueOf(l.kind()).isDense())
        .mapToLong(LayerStats::nonzeros)
        .sum();
  }

  public long denseSize() {
    return layers.stream()
        .filter(l -> ParameterKind.valueOf(l.kind()).isDense())
        .mapToLong(LayerStats::size)
        .sum();
  }
}
