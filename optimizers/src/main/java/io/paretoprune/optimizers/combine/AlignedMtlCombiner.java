package io.paretoprune.optimizers.combine;

import io.paretoprune.core.train.seam.GramCombiner;
import org.apache.commons.math3.linear.Array2DRowRealMatrix;
import org.apache.commons.math3.linear.EigenDecomposition;
import org.apache.commons.math3.linear.RealMatrix;
import org.apache.commons.math3.linear.RealVector;

/**
 * Aligned-MTL (Senushkin et al. 2023), as its reference code's {@code ProcrustesSolver} with {@code
 * scale_mode='min'} and equal task weights: with the eigen-decomposition {@code G = V Lambda V^T}
 * of the Gram matrix, the gradients are replaced by the aligned ones {@code g_j' = sum_i W_ij g_i},
 * {@code W = V diag(sqrt(lambda_min / lambda)) V^T}, which are orthogonal and all of norm {@code
 * sqrt(lambda_min)} (the stable, condition-number-one system nearest to the gradients), and the
 * direction is their sum: {@code c = W 1}.
 *
 * <p>Only eigenvalues above {@code lambda_max k eps} count (the reference's rank cut, with eps that
 * of float32 as there), and {@code lambda_min} is the smallest of those: a zero gradient, or two
 * gradients pointing the same way, leave a lower rank, and W is built on the kept eigenvectors only
 * (a zero gradient then gets weight 0). All gradients zero: weights 0. The weights can be negative
 * (W is a matrix square root, not a convex combination).
 *
 * <p>why: Commons Math's {@link EigenDecomposition} does the symmetric eigenproblem; the rest is a
 * k x k product no library offers as such.
 */
public final class AlignedMtlCombiner implements GramCombiner {
  /** float32's machine epsilon, as the reference code's {@code torch.finfo().eps}. */
  static final double EPS = Math.ulp(1.0f);

  @Override
  public double[] weights(double[][] gram) {
    double[][] g = MinNormSolver.checked(gram);
    int k = g.length;
    double[] c = new double[k];
    EigenDecomposition eig = new EigenDecomposition(new Array2DRowRealMatrix(g, false));
    double[] lambda = eig.getRealEigenvalues();
    double max = 0;
    for (double l : lambda) {
      max = Math.max(max, l);
    }
    if (!(max > 0)) {
      return c;
    }
    double tol = max * k * EPS;
    double min = Double.POSITIVE_INFINITY;
    for (double l : lambda) {
      if (l > tol) {
        min = Math.min(min, l);
      }
    }
    RealMatrix w = new Array2DRowRealMatrix(k, k);
    for (int e = 0; e < lambda.length; e++) {
      if (!(lambda[e] > tol)) {
        continue;
      }
      RealVector v = eig.getEigenvector(e);
      w = w.add(v.outerProduct(v).scalarMultiply(Math.sqrt(min / lambda[e])));
    }
    for (int i = 0; i < k; i++) {
      for (int j = 0; j < k; j++) {
        c[i] += w.getEntry(i, j);
      }
    }
    return c;
  }

  @Override
  public String toString() {
    return "aligned-mtl";
  }
}
