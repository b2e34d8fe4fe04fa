package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.train.seam.StepRuleState;

/**
 * Masks the step rule's state of one parameter when that state lives in the flat array: the
 * parameter's keep-mask is placed into a flat mask of ones at the parameter's offset.
 */
final class FlatStepRuleState implements StepRuleState {
  private final StepRuleState inner;
  private final FlatParameters flat;
  private final NDManager manager;

  FlatStepRuleState(StepRuleState inner, FlatParameters flat, NDManager manager) {
    this.inner = inner;
    this.flat = flat;
    this.manager = manager;
  }

  @Override
  public void mask(String parameterId, NDArray keep) {
    long offset = flat.offsetOf(parameterId);
    if (offset < 0) {
      return; // not trained, so the step rule keeps no state for it
    }
    try (NDArray full = manager.ones(new Shape(flat.size()), DataType.FLOAT32);
        NDArray values = keep.toType(DataType.FLOAT32, false).reshape(-1)) {
      full.set(FlatParameters.slice(offset, offset + keep.size()), values);
      inner.mask(MultiObjectiveTrainer.FLAT_ID, full);
    }
  }
}
