package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterSelector;

/** {@code factor * sum w^2} (Keras' {@code l2} regularizer); gradient {@code 2 factor w}. */
public record L2Penalty(ParameterSelector selector, double factor) implements Penalty {
  public L2Penalty {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException("L2 factor must be positive and finite, got " + factor);
    }
  }

  @Override
  public String name() {
    return factor == 1.0 ? "l2(" + selector + ")" : factor + "*l2(" + selector + ")";
  }

  @Override
  public NDArray value(NDArray weight) {
    return weight.square().sum().muli((float) factor);
  }

  @Override
  public NDArray gradient(NDArray weight) {
    return weight.mul((float) (2 * factor));
  }
}
