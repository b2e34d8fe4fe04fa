package io.paretoprune.core.objective;

import ai.djl.ndarray.NDArray;

/**
 * Softmax cross-entropy on logits with integer labels, averaged over the batch.
 *
 * <p>Written with DJL ops rather than {@code SoftmaxCrossEntropyLoss} only because that class
 * reshapes and one-hot encodes per call; {@code logSoftmax} + {@code pick} is the same quantity in
 * two native calls.
 */
public final class CrossEntropy implements LossTerm {
  @Override
  public String name() {
    return "cross_entropy";
  }

  @Override
  public NDArray evaluate(NDArray logits, NDArray labels) {
    NDArray logProbs = logits.logSoftmax(1);
    NDArray picked = logProbs.gather(labels.reshape(-1, 1), 1);
    return picked.mean().neg();
  }

  @Override
  public String description() {
    return "softmax cross-entropy on class labels, averaged over the batch";
  }

  @Override
  public boolean packable() {
    return true;
  }

  @Override
  public NDArray evaluatePerRun(NDArray logits, NDArray labels) {
    long runs = labels.getShape().get(0);
    long batch = labels.getShape().get(1);
    return logits
        .logSoftmax(2)
        .gather(labels.reshape(runs, batch, 1), 2)
        .reshape(runs, batch)
        .mean(new int[] {1})
        .neg();
  }
}
