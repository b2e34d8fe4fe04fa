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

  /**
   * Whether the penalty is a sum over single entries (L1, L2). Then the trainer may hand it one
   * flat range spanning several parameters, or several runs' rows at once. A penalty that is not
   * (group lasso) gets each parameter on its own, as an array whose slices along the first axis are
   * the parameter's units (its shape, or {@code [units, fan-in]}; packed runs stack their units
   * along that axis), and must group only within such a slice.
   */
  default boolean elementwise() {
    return true;
  }
}
