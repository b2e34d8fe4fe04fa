package io.paretoprune.core.train.result;

/**
 * One step's multi-objective decision for one parameter group.
 *
 * @param weights the chosen weights, one per objective of the group
 * @param directionNorm {@code ||d||}, from the Gram matrix ({@code sqrt(c^T G c)}); NaN when the
 *     rule needed no Gram matrix
 * @param recorded what the rule reported besides the weights ({@link GradientCombiner#recorded()}),
 *     by name one value per objective of the group; empty for most rules
 */
public record StepRecord(
    long step,
    int epoch,
    String group,
    double[] weights,
    double directionNorm,
    java.util.Map<String, double[]> recorded) {

  public StepRecord {
    recorded = recorded == null ? java.util.Map.of() : recorded;
  }

  /** A step whose rule reported nothing besides its weights. */
  public StepRecord(long step, int epoch, String group, double[] weights, double directionNorm) {
    this(step, epoch, group, weights, directionNorm, java.util.Map.of());
  }
}
