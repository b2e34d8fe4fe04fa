package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import io.paretoprune.core.objective.Penalty;
import io.paretoprune.core.param.ParameterSelector;

/**
 * A penalty that is not elementwise (group lasso), applied to one parameter's range of the flat
 * array: the trainer hands it {@code [len]} (one run) or {@code [runs, len]} (packed rows), which
 * this view reshapes to {@code [units, fanIn]} or {@code [runs * units, fanIn]}, so that every
 * slice along the first axis is one unit of one run, as {@link Penalty#elementwise()} promises.
 */
record ParameterUnitsPenalty(Penalty penalty, long fanIn) implements Penalty {
  @Override
  public String name() {
    return penalty.name();
  }

  @Override
  public ParameterSelector selector() {
    return penalty.selector();
  }

  @Override
  public boolean elementwise() {
    return false;
  }

  @Override
  public NDArray value(NDArray weight) {
    return penalty.value(weight.reshape(-1, fanIn));
  }

  @Override
  public NDArray gradient(NDArray weight) {
    return penalty.gradient(weight.reshape(-1, fanIn)).reshape(weight.getShape());
  }
}
