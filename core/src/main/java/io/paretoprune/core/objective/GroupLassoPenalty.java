package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.param.ParameterSelector;

/**
 * Group lasso over units: {@code factor * sum_u ||w_u||_2}, where {@code w_u} is the slice of a
 * parameter along its first axis. DJL's {@code Linear} keeps its kernel as {@code [out, in]}, so
 * for a dense kernel {@code w_u} is the incoming weights of output neuron {@code u}; for a
 * convolution kernel {@code [out, in, kh, kw]} it is filter {@code u}. A unit's bias is not in its
 * group (selecting a bias vector makes each entry a group of one, i.e. L1 on the biases); select
 * {@code dense.kernel} for the usual structured penalty.
 *
 * <p>Gradient {@code factor * w_u / ||w_u||}. At a zero-norm unit the subdifferential is the unit
 * ball and the gradient returned is its element 0 (as L1's {@code sign(0) = 0}), so a removed unit
 * stays at rest. "Zero norm" is as float32 computes it: a unit whose squared entries all underflow
 * (every {@code |w| < 1e-23} or so) also gets 0, never the NaN of {@code 0 / 0}.
 */
public record GroupLassoPenalty(ParameterSelector selector, double factor) implements Penalty {
  public GroupLassoPenalty {
    if (!(factor > 0) || Double.isInfinite(factor)) {
      throw new IllegalArgumentException(
          "group lasso factor must be positive and finite, got " + factor);
    }
  }

  @Override
  public String name() {
    return factor == 1.0
        ? "group_lasso(" + selector + ")"
        : factor + "*group_lasso(" + selector + ")";
  }

  @Override
  public boolean elementwise() {
    return false;
  }

  @Override
  public NDArray value(NDArray weight) {
    NDArray v = unitNorms(units(weight)).sum();
    return factor == 1.0 ? v : v.muli((float) factor);
  }

  @Override
  public NDArray gradient(NDArray weight) {
    NDArray rows = units(weight);
    NDArray norms = unitNorms(rows).expandDims(1);
    NDArray positive = norms.gt(0);
    // 1 / ||w_u|| where the norm is positive, else 0: no 0 / 0 at a removed unit.
    NDArray scale =
        NDArrays.where(positive, norms.getNDArrayInternal().rdiv(1f), norms.zerosLike());
    if (factor != 1.0) {
      scale.muli((float) factor);
    }
    return rows.mul(scale).reshape(weight.getShape());
  }

  /** The parameter as {@code [units, fan-in]}; a vector is one unit per entry. */
  private static NDArray units(NDArray weight) {
    Shape s = weight.getShape();
    if (s.dimension() == 0) {
      return weight.reshape(1, 1);
    }
    return weight.reshape(s.get(0), -1);
  }

  /** {@code ||w_u||_2} of every row, {@code [units]}. */
  private static NDArray unitNorms(NDArray rows) {
    return rows.square().sum(new int[] {1}).sqrt();
  }
}
