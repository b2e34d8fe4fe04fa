package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.GramCombiner;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.ArrayRealVector;
import org.apache.commons.math3.linear.RealVector;
import org.apache.commons.math3.linear.SingularValueDecomposition;

/**
 * IMTL-G, the gradient half of impartial multi-task learning (Liu et al. 2021): the direction
 * {@code d = sum_i alpha_i g_i} with {@code sum_i alpha_i = 1} whose projections on every unit
 * gradient {@code u_i = g_i / ||g_i||} are equal. With {@code D} the rows {@code g_1 - g_i} and
 * {@code U} the rows {@code u_1 - u_i} (i = 2..k), {@code alpha_{2..k} = g_1 U^T (D U^T)^{-1}} and
 * {@code alpha_1 = 1 - sum_{i>1} alpha_i}. All products are Gram entries: {@code g_a . u_b = G_ab /
 * sqrt(G_bb)}.
 *
 * <p>The weights sum to 1 but CAN BE NEGATIVE for k &gt;= 3: equal projections may need a negative
 * share of a gradient ({@code g = (-4, 1, 0), (-4, 0, 2), (2, 4, 0)} gives {@code alpha_1 ~
 * -0.12}). For k = 2 they lie in [0, 1] ({@code d} is where the bisector of {@code u_1, u_2} meets
 * the segment from {@code g_1} to {@code g_2}). The trainer accepts any finite weights.
 *
 * <p>Defined answers where the formula is not:
 *
 * <ul>
 *   <li>a zero gradient has no direction: it gets weight 0 and the rule runs on the others; one
 *       nonzero gradient gets weight 1; all zero gives {@code 1/k} each (d = 0 either way);
 *   <li>a singular {@code D U^T} (two gradients pointing the same way, say: every split of the
 *       weight between them projects equally) is solved in the least-squares sense with the
 *       pseudo-inverse (Commons Math's SVD), which picks the smallest {@code alpha_{2..k}}.
 * </ul>
 */
public final class ImtlGCombiner implements GramCombiner {
  @Override
  public double[] weights(double[][] gram) {
    double[][] g = MinNormSolver.checked(gram);
    int k = g.length;
    int[] live = java.util.stream.IntStream.range(0, k).filter(i -> g[i][i] > 0).toArray();
    double[] alpha = new double[k];
    if (live.length == 0) {
      java.util.Arrays.fill(alpha, 1.0 / k);
      return alpha;
    }
    if (live.length == 1) {
      alpha[live[0]] = 1;
      return alpha;
    }
    int m = live.length;
    double[] n = new double[m];
    for (int a = 0; a < m; a++) {
      n[a] = Math.sqrt(g[live[a]][live[a]]);
    }
    int first = live[0];
    // why: the (k-1) x (k-1) system M^T alpha = r with M = D U^T and r = U g_1, written out in Gram
    // entries; no library implements IMTL-G and the system is tiny.
    double[][] mt = new double[m - 1][m - 1];
    double[] r = new double[m - 1];
    for (int j = 1; j < m; j++) {
      int jj = live[j];
      double g1u1MinusG1uj = g[first][first] / n[0] - g[first][jj] / n[j];
      r[j - 1] = g1u1MinusG1uj;
      for (int i = 1; i < m; i++) {
        int ii = live[i];
        double entry = g1u1MinusG1uj - g[ii][first] / n[0] + g[ii][jj] / n[j];
        mt[j - 1][i - 1] = entry; // transposed: row j, column i
      }
    }
    RealVector rest =
        new SingularValueDecomposition(new Array2DRowRealMatrix(mt, false))
            .getSolver()
            .solve(new ArrayRealVector(r, false));
    double sum = 0;
    for (int i = 1; i < m; i++) {
      alpha[live[i]] = rest.getEntry(i - 1);
      sum += alpha[live[i]];
    }
    alpha[first] = 1 - sum;
    return alpha;
  }

  @Override
  public String toString() {
    return "imtlg";
  }
}
