package io.paretoprune.pruning.rule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import java.util.SplittableRandom;

/**
 * The control for magnitude pruning: weights already at zero count first, then a seeded random
 * choice among the others, blind to their magnitude.
 */
public final class RandomRule extends RankRule {
  private final SplittableRandom random;

  public RandomRule(boolean global, long seed) {
    super(global);
    this.random = new SplittableRandom(seed);
  }

  @Override
  NDArray scores(NDArray weights) {
    float[] r = new float[(int) weights.size()];
    for (int i = 0; i < r.length; i++) {
      r[i] = (float) random.nextDouble();
    }
    NDArray uniform = weights.getManager().create(r, weights.getShape());
    // Zeros score -1, below every draw in [0, 1): they are the first to count as pruned.
    NDArray nonzero = weights.neq(0).toType(DataType.FLOAT32, false);
    return uniform.mul(nonzero).sub(nonzero.sub(1).neg());
  }
}
