package io.paretoprune.models.sparse;

import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.norm.Dropout;
import java.util.Optional;

/**
 * The element-wise steps a sparse dense head can run in Java, recognised from DJL's blocks: the
 * activation {@link LambdaBlock}s DJL names {@code ReLU}, {@code Tanh} and {@code sigmoid}, and
 * {@link Dropout}, which is the identity at inference.
 */
enum HeadActivation {
  IDENTITY,
  RELU,
  TANH,
  SIGMOID;

  /** The step {@code block} performs, or empty when it is not one of these. */
  static Optional<HeadActivation> of(Block block) {
    if (block instanceof Dropout) {
      return Optional.of(IDENTITY);
    }
    if (block instanceof LambdaBlock lambda) {
      return switch (lambda.getName()) {
        case "ReLU" -> Optional.of(RELU);
        case "Tanh" -> Optional.of(TANH);
        case "sigmoid" -> Optional.of(SIGMOID);
        default -> Optional.empty();
      };
    }
    return Optional.empty();
  }

  /** The step on one value, the same float as {@link #applyInPlace} gives. */
  float apply(float x) {
    return switch (this) {
      case IDENTITY -> x;
      case RELU -> Math.max(x, 0f);
      case TANH -> (float) Math.tanh(x);
      case SIGMOID -> (float) (1 / (1 + Math.exp(-x)));
    };
  }

  void applyInPlace(float[] a) {
    switch (this) {
      case IDENTITY -> {}
      case RELU -> {
        for (int i = 0; i < a.length; i++) {
          a[i] = Math.max(a[i], 0f);
        }
      }
      case TANH -> {
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) Math.tanh(a[i]);
        }
      }
      case SIGMOID -> {
        for (int i = 0; i < a.length; i++) {
          a[i] = (float) (1 / (1 + Math.exp(-a[i])));
        }
      }
    }
  }
}
