package io.paretoprune.experiments.pareto;

/**
 * Weights (c1, c2) of the weighted sum {@code c1 * f1 + c2 * f2}: both in [0, 1], summing to 1
 * (within 1e-9). Two weightings whose c2 agree to 1e-12 are the same training ({@link #key()}).
 */
public record Weighting(double c1, double c2) {
  private static final double SUM_TOLERANCE = 1e-9;

  public Weighting {
    if (!(c1 >= 0 && c1 <= 1 && c2 >= 0 && c2 <= 1) || Math.abs(c1 + c2 - 1) > SUM_TOLERANCE) {
      throw new IllegalArgumentException(
          "a weighting needs c1, c2 in [0, 1] with c1 + c2 = 1, got (" + c1 + ", " + c2 + ")");
    }
  }

  /** The weighting {@code (1 - c2, c2)}. */
  public static Weighting ofC2(double c2) {
    return new Weighting(1 - c2, c2);
  }

  /** The componentwise mean of two weightings (still on the simplex). */
  public static Weighting midpoint(Weighting a, Weighting b) {
    return ofC2((a.c2 + b.c2) / 2);
  }

  /** Cache key: c2 in units of 1e-12. */
  public long key() {
    return Math.round(c2 * 1e12);
  }

  /** Whether both describe the same training (same {@link #key()}). */
  public boolean sameAs(Weighting other) {
    return key() == other.key();
  }
}
