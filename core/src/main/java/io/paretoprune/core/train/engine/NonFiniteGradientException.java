package io.paretoprune.core.train.engine;

/** An objective gradient held NaN or Inf: the run has diverged and no step is taken. */
public class NonFiniteGradientException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public NonFiniteGradientException(String message) {
    super(message);
  }
}
