package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.engine.NonFiniteGradientException;
import java.util.Arrays;
import java.util.List;

/**
 * How the min-norm rule scales each objective gradient before it looks for the minimum-norm point,
 * after {@code gradient_normalizers} in Sener and Koltun's MGDA code (MultiObjectiveOptimization,
 * {@code multi_task/min_norm_solvers.py}): {@code g_i / n_i} with
 *
 * <ul>
 *   <li>{@code none}: {@code n_i = 1} (SMGD as published);
 *   <li>{@code l2}: {@code n_i = ||g_i||};
 *   <li>{@code loss}: {@code n_i = f_i}, the objective's value on the batch;
 *   <li>{@code loss+}: {@code n_i = f_i ||g_i||}.
 * </ul>
 *
 * <p>{@code f_i} enters as {@code |f_i|}: the objectives here are non-negative, and a negative one
 * must not flip its gradient.
 *
 * <p>Where the formula has no answer the gradient is left unscaled ({@code n_i = 1}): a zero
 * gradient under l2 or loss+ (it stays zero whatever it is divided by), and an objective whose
 * value is 0 under loss or loss+. A value that is NaN or infinite is a non-finite gradient error.
 */
public enum GradientNormalization {
  NONE("none"),
  L2("l2"),
  LOSS("loss"),
  LOSS_PLUS("loss+");

  private final String id;

  GradientNormalization(String id) {
    this.id = id;
  }

  public String id() {
    return id;
  }

  public static List<String> ids() {
    return Arrays.stream(values()).map(GradientNormalization::id).toList();
  }

  public static GradientNormalization byId(String id) {
    for (GradientNormalization n : values()) {
      if (n.id.equals(id)) {
        return n;
      }
    }
    throw new IllegalArgumentException(
        "unknown normalisation '" + id + "', expected one of " + String.join(", ", ids()));
  }

  /** Whether the objectives' values on the batch are read. */
  public boolean needsLosses() {
    return this == LOSS || this == LOSS_PLUS;
  }

  /**
   * The normalisers {@code n_i}.
   *
   * @param gram the checked Gram matrix
   * @param losses the objectives' values; only read by loss and loss+
   */
  public double[] normalizers(double[][] gram, double[] losses) {
    int k = gram.length;
    double[] n = new double[k];
    for (int i = 0; i < k; i++) {
      double norm = Math.sqrt(Math.max(0, gram[i][i]));
      double loss = 1;
      if (needsLosses()) {
        if (losses == null || losses.length != k) {
          throw new IllegalArgumentException(
              "normalisation '" + id + "' needs " + k + " objective values");
        }
        loss = losses[i];
        if (!Double.isFinite(loss)) {
          throw new NonFiniteGradientException(
              "objective " + i + " is " + loss + " on the batch: cannot normalise by it");
        }
      }
      double v =
          switch (this) {
            case NONE -> 1;
            case L2 -> norm;
            case LOSS -> Math.abs(loss);
            case LOSS_PLUS -> Math.abs(loss) * norm;
          };
      n[i] = v > 0 && Double.isFinite(v) ? v : 1;
    }
    return n;
  }
}
