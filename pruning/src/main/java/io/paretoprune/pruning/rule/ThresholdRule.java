package io.paretoprune.pruning.rule;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import io.paretoprune.pruning.PruningRule;
import java.util.List;

/** The paper's rule: keep {@code |w| > tau}, prune {@code |w| <= tau}. */
public record ThresholdRule(double tau) implements PruningRule {
  @Override
  public List<NDArray> keepMasks(List<NDArray> weights, double sparsity) {
    return weights.stream()
        .map(w -> w.abs().gt((float) tau).toType(DataType.FLOAT32, false))
        .toList();
  }

  @Override
  public boolean splitInvariant() {
    return true;
  }
}
