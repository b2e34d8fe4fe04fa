package io.paretoprune.core.task;

/**
 * What one example is, as a model reads it: the contract between a task's data sets and the models
 * that can learn them, checked when a suite is loaded so that a model given data it cannot read is
 * refused in one line before any run starts (a grid of pixels fed to a sequence model would
 * otherwise build and fail mid-run, in the loss or a metric).
 */
public enum ExampleKind {
  /** {@code channels x height x width}, one output vector per example (image classification). */
  IMAGES("images (channels x height x width)"),
  /**
   * {@code frames x features}, any number of frames, one output vector per frame (speech
   * recognition).
   */
  FRAME_SEQUENCES("frame sequences (frames x features)");

  private final String noun;

  ExampleKind(String noun) {
    this.noun = noun;
  }

  /** How messages name such examples, e.g. {@code images (channels x height x width)}. */
  public String noun() {
    return noun;
  }
}
