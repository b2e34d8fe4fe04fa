package io.paretoprune.pruning.strategy;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterRef;

/**
 * Magnitude pruning to a target sparsity: in each group of the scope, the {@code round(s * n)}
 * weights of smallest {@code |w|} are pruned (see {@link RankedPruning}).
 *
 * <p>Cost: a top-k over each group (0.5 to 1 ms per event for LeNet-5's 59,134 dense weights on one
 * core), so prefer a schedule with {@code every > 1} when every step counts.
 */
public final class MagnitudePruning extends RankedPruning {
  public MagnitudePruning(Scope scope) {
    super(scope);
  }

  @Override
  protected NDArray scores(ParameterRef p) {
    return p.array().abs();
  }

  @Override
  public String toString() {
    return "magnitude(scope=" + scope() + ")";
  }
}
