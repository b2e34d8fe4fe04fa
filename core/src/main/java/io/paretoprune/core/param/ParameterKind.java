package io.paretoprune.core.param;

/** What role a parameter plays; selectors match on it. */
public enum ParameterKind {
  DENSE_KERNEL,
  DENSE_BIAS,
  CONV_KERNEL,
  CONV_BIAS,
  /** An LSTM's input-to-hidden and hidden-to-hidden weight matrices, all gates. */
  LSTM_KERNEL,
  /** An LSTM's biases. */
  LSTM_BIAS,
  /** BatchNorm / LayerNorm scale and shift, trainable. */
  NORM,
  /** Running statistics and other arrays no gradient reaches. */
  STATE,
  OTHER;

  public boolean isDense() {
    return this == DENSE_KERNEL || this == DENSE_BIAS;
  }
}
