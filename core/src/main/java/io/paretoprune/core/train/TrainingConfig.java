package io.paretoprune.core.train;

import io.paretoprune.core.data.BatchOrder;

/**
 * Loop settings.
 *
 * @param epochs passes over the training split, at least 1
 * @param batchSize examples per step; a last partial batch is dropped, as in the paper's code
 * @param seed seeds the shuffling (initial weights are the model factory's business)
 * @param evalBatchSize examples per forward pass during evaluation
 * @param maxStepsPerEpoch caps steps per epoch for quick looks; 0 means no cap
 * @param batchOrder how an epoch's examples are dealt into batches
 */
public record TrainingConfig(
    int epochs,
    int batchSize,
    long seed,
    int evalBatchSize,
    int maxStepsPerEpoch,
    BatchOrder batchOrder) {
  public TrainingConfig {
    if (batchOrder == null) {
      throw new IllegalArgumentException("batch order must be given");
    }
    if (epochs < 1) {
      throw new IllegalArgumentException("epochs must be at least 1, got " + epochs);
    }
    if (batchSize < 1) {
      throw new IllegalArgumentException("batch size must be at least 1, got " + batchSize);
    }
    if (evalBatchSize < 1) {
      throw new IllegalArgumentException(
          "eval batch size must be at least 1, got " + evalBatchSize);
    }
    if (maxStepsPerEpoch < 0) {
      throw new IllegalArgumentException(
          "max steps per epoch must be >= 0, got " + maxStepsPerEpoch);
    }
  }

  /** Shuffled batches (the paper's). */
  public TrainingConfig(
      int epochs, int batchSize, long seed, int evalBatchSize, int maxStepsPerEpoch) {
    this(epochs, batchSize, seed, evalBatchSize, maxStepsPerEpoch, BatchOrder.SHUFFLED);
  }

  public static TrainingConfig of(int epochs, int batchSize, long seed) {
    return new TrainingConfig(epochs, batchSize, seed, 1000, 0);
  }

  public TrainingConfig withMaxStepsPerEpoch(int steps) {
    return new TrainingConfig(epochs, batchSize, seed, evalBatchSize, steps, batchOrder);
  }

  /** Steps one epoch takes over {@code n} training examples. */
  public int stepsPerEpoch(long n) {
    int full = (int) (n / batchSize);
    return maxStepsPerEpoch > 0 ? Math.min(full, maxStepsPerEpoch) : full;
  }
}
