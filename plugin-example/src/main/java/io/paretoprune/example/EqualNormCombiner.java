package io.paretoprune.example;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.engine.NonFiniteGradientException;
import io.paretoprune.core.train.seam.GradientCombiner;
import io.paretoprune.core.train.seam.GramCombiner;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.Map;

/**
 * A gradient combiner written outside the framework, to show the seam: {@code equal-norm} gives
 * every objective the same share of the direction by weighting its gradient with the inverse of its
 * norm,
 *
 * <pre>
 *   c_i = (1 / ||g_i||) / sum_j (1 / ||g_j||)
 * </pre>
 *
 * so that {@code ||c_i g_i||} is the same for every i (objectives whose gradient is 0 get weight
 * 0). Unlike the min-norm rule it does not guarantee a common descent direction; it is the
 * "normalise, then average" heuristic of gradient-balancing methods. It works with every step rule:
 * a suite names it as {@code {label: EqualNorm, combiner: equal-norm, step: sgd}}.
 *
 * <p>A plug-in is this class plus one line in {@code
 * META-INF/services/io.paretoprune.optimizers.CombinerProvider}.
 */
public final class EqualNormCombiner implements CombinerProvider {
  @Override
  public String name() {
    return "equal-norm";
  }

  @Override
  public String description() {
    return "example plug-in: weights proportional to 1/||g_i||";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public GradientCombiner create(PluginSettings settings, int objectives) {
    return new Rule();
  }

  /** The rule itself: inverse gradient norms from the Gram matrix's diagonal, normalised. */
  public static final class Rule implements GramCombiner {
    @Override
    public double[] weights(double[][] gram) {
      int k = gram.length;
      double[] c = new double[k];
      double sum = 0;
      for (int i = 0; i < k; i++) {
        double sq = gram[i][i];
        if (!Double.isFinite(sq)) {
          throw new NonFiniteGradientException("gradient " + i + " has norm^2 " + sq);
        }
        c[i] = sq > 0 ? 1 / Math.sqrt(sq) : 0;
        sum += c[i];
      }
      for (int i = 0; i < k; i++) {
        // All gradients 0: any weights give d = 0; keep them on the simplex.
        c[i] = sum > 0 ? c[i] / sum : 1.0 / k;
      }
      return c;
    }
  }
}
