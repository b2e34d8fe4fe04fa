package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.param.ParameterSelector;

/**
 * A term that depends on parameters only, with an analytic gradient, so no autograd pass is spent
 * on it.
 */
public interface Penalty {
  String name();

  /** The parameters it applies to. */
  ParameterSelector selector();

  /** Its value on one parameter array, a scalar. */
  NDArray value(NDArray weight);

  /** Its (sub)gradient with respect to that array, same shape. */
  NDArray gradient(NDArray weight);
}
