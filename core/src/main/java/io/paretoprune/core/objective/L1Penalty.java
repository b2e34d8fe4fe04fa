package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterSelector;

/**
 * {@code factor * sum |w|} over the selected parameters; subgradient {@code factor * sign(w)} (0 at
 * w = 0, the choice that keeps pruned weights at rest).
 */
public record L1Penalty(ParameterSelector selector, double factor) implements Penalty {
  public L1Penalty {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("L1 factor must be positive and finite, got " + factor);
    }
  }

  @Override
  public String name() {
    return factor == 1.0 ? "l1(" + selector + ")" : factor + "*l1(" + selector + ")";
  }

  @Override
  public NDArray value(NDArray weight) {
    NDArray v = weight.abs().sum();
    return factor == 1.0 ? v : v.muli((float) factor);
  }

  @Override
  public NDArray gradient(NDArray weight) {
    NDArray g = weight.sign();
    return factor == 1.0 ? g : g.muli((float) factor);
  }
}
