package io.paretoprune.pruning.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import io.paretoprune.pruning.PruningStrategy;
import java.util.ArrayList;
import java.util.List;

/**
 * The paper's rule: a weight is pruned iff {@code |w| <= tau}, kept iff {@code |w| > tau}; {@code
 * tau} is rounded to the weight's type (float32: {@code (float) tau}). The target sparsity is
 * ignored.
 *
 * <p>The keep mask is {@code relu(sign(|w| - tau))}: four native calls per parameter, all in the
 * weight's floating type. In IEEE arithmetic {@code a - b} is 0 only when {@code a == b} and has
 * the sign of {@code a - b} otherwise (subnormals make the difference exact near 0), so the mask is
 * exactly {@code |w| > tau}. Written this way rather than as {@code |w| > tau} because PyTorch's
 * comparison yields a boolean that the in-place multiply must promote, which measured about twice
 * as slow per parameter; and {@code tau} is held as an engine scalar because DJL turns a Java
 * number argument into a fresh tensor on every call.
 */
public final class ThresholdPruning implements PruningStrategy {
  /** The paper's threshold. */
  public static final double PAPER_TAU = 0.001;

  private final double tau;
  private final List<NDArray> tauScalars = new ArrayList<>();

  /**
   * @param tau the threshold, {@code >= 0}; 0 prunes nothing but exact zeros
   */
  public ThresholdPruning(double tau) {
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + tau);
    }
    this.tau = tau;
  }

  public double tau() {
    return tau;
  }

  @Override
  public Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context) {
    List<String> names = new ArrayList<>(targets.size());
    List<NDArray> keep = new ArrayList<>(targets.size());
    for (ParameterRef p : targets) {
      names.add(p.name());
      keep.add(keepMask(p.array()));
    }
    return new Mask(names, keep);
  }

  @Override
  public NDArray elementwiseKeep(NDArray weights) {
    return keepMask(weights);
  }

  /** {@code 1} where {@code |w| > tau}, else {@code 0}, in {@code w}'s type. */
  NDArray keepMask(NDArray w) {
    NDArray d = w.abs();
    d.subi(scalarLike(w));
    d.signi();
    return d.getNDArrayInternal().relu();
  }

  /**
   * {@code tau} as a 0-d array on {@code w}'s manager and of its type, made once per (manager,
   * type) and reused; a network normally has one of each, so the scan is one comparison.
   */
  private NDArray scalarLike(NDArray w) {
    for (NDArray t : tauScalars) {
      if (t.getManager() == w.getManager() && t.getDataType() == w.getDataType()) {
        return t;
      }
    }
    tauScalars.removeIf(t -> !t.getManager().isOpen());
    NDArray t;
    try (NDArray d = w.getManager().create(tau)) {
      t = w.getDataType() == DataType.FLOAT64 ? d.duplicate() : d.toType(w.getDataType(), true);
    }
    // Lives with the network's manager, not with the caller's scope.
    NDScope.unregister(t);
    tauScalars.add(t);
    return t;
  }

  @Override
  public String toString() {
    return "threshold(tau=" + tau + ")";
  }
}
