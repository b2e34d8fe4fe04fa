package io.paretoprune.core.train;

import java.util.List;

/**
 * What one epoch produced.
 *
 * @param epoch 1-based
 * @param objectiveNames names of the k objectives, in order
 * @param trainObjectives per objective: running mean of the data loss over the epoch's batches (as
 *     Keras reports it) plus the penalties at the epoch's end
 * @param testObjectives per objective on the whole test split at the epoch's end
 * @param trainAccuracy running accuracy over the epoch's batches
 * @param testAccuracy accuracy on the test split
 * @param weights per group, the chosen weights
 * @param layers sparsity of every parameter
 * @param seconds wall time of the epoch's training steps (evaluation excluded)
 */
public record EpochMetrics(
    int epoch,
    List<String> objectiveNames,
    double[] trainObjectives,
    double[] testObjectives,
    double trainAccuracy,
    double testAccuracy,
    List<WeightStats> weights,
    List<LayerStats> layers,
    int steps,
    double seconds) {

  /** Nonzero count over the parameters whose kind is dense (kernels and biases). */
  public long denseNonzeros() {
    return layers.stream()
        .filter(l -> l.kind().startsWith("DENSE"))
        .mapToLong(LayerStats::nonzeros)
        .sum();
  }

  public long denseSize() {
    return layers.stream()
        .filter(l -> l.kind().startsWith("DENSE"))
        .mapToLong(LayerStats::size)
        .sum();
  }
}
