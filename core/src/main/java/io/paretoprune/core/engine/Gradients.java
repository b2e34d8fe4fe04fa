package io.paretoprune.core.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.pytorch.engine.PtNDArray;
import ai.djl.pytorch.jni.JniUtils;

/**
 * Zeroing of parameter gradients. Outside DJL's Trainer nothing zeroes them and PyTorch
 * accumulates, so the training loop zeroes before every backward pass.
 */
public final class Gradients {
  private Gradients() {}

  /** Sets the gradient of {@code weight} to 0 in place; one native call on PyTorch. */
  public static void zero(NDArray weight) {
    if (weight instanceof PtNDArray pt) {
      JniUtils.zeroGrad(pt);
    } else {
      try (NDArray g = weight.getGradient()) {
        g.muli(0);
      }
    }
  }
}
