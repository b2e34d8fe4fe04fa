package io.paretoprune.pruning.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import io.paretoprune.pruning.PruningSettings;
import io.paretoprune.pruning.PruningStrategy;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Structured pruning of whole units: a unit of a layer is one slice of its kernel along the first
 * axis (DJL's {@code Linear} kernel is {@code [out, in]}, so a dense unit is an output neuron and
 * the slice its incoming weights; a convolution's unit is a filter). A unit is scored by the L2
 * norm of its incoming weights; pruning it zeroes all of them and, when the selection holds the
 * layer's bias, its bias too (as NNI's norm pruners mask weight and bias of an output channel), so
 * with ReLU the pruned neuron outputs exactly 0. The amount is set in one of two ways:
 *
 * <ul>
 *   <li>by a target ({@link #byTarget}): in each group of the {@link Scope} (each layer, or all
 *       selected layers together) the {@code round(s * units)} units of smallest norm are pruned,
 *       {@code s} the schedule's target, ties split by position; under a prior ({@code fixed})
 *       mask, units it pruned count first, as in {@link RankedPruning}. A global ranking compares
 *       raw norms, which grow with a layer's fan-in;
 *   <li>by a threshold ({@link #byThreshold}): every unit with norm {@code <= tau} is pruned, the
 *       paper's threshold rule lifted from weights to units.
 * </ul>
 *
 * <p>The network's output layer (the last layer with a kernel) is never pruned: its units are the
 * classes. Its parameters get all-ones masks, and a selection of nothing else is refused.
 */
public final class UnitPruning implements PruningStrategy {
  private final Scope scope;
  private final double tau;
  private String outputLayer;

  private UnitPruning(Scope scope, double tau) {
    this.scope = scope;
    this.tau = tau;
  }

  /** Prunes the schedule's target fraction of units, per layer or over the selection. */
  public static UnitPruning byTarget(Scope scope) {
    return new UnitPruning(scope, Double.NaN);
  }

  /** Prunes every unit whose incoming weights have L2 norm {@code <= tau}. */
  public static UnitPruning byThreshold(double tau) {
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new IllegalArgumentException("threshold must be a finite number >= 0, got " + tau);
    }
    return new UnitPruning(Scope.LAYER, tau);
  }

  /** The output layer's name once {@link #prepare} ran, else null. */
  public String outputLayer() {
    return outputLayer;
  }

  @Override
  public void prepare(ParameterCatalog network, List<ParameterRef> targets) {
    outputLayer = null;
    for (ParameterRef p : network.all()) {
      if (isKernel(p)) {
        outputLayer = p.layer();
      }
    }
    Map<String, Integer> kernels = kernels(targets);
    boolean prunable = false;
    for (String layer : kernels.keySet()) {
      prunable |= !layer.equals(outputLayer);
    }
    if (!prunable) {
      throw new ConfigException(
          PruningSettings.ON,
          "units never prunes the output layer "
              + outputLayer
              + " (its units are the classes), and the selection has no other layer; select"
              + " hidden layers, e.g. dense or dense1,dense2");
    }
  }

  @Override
  public Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context) {
    Map<String, Integer> kernels = kernels(targets);
    Map<String, NDArray> unitKeep = new LinkedHashMap<>();
    List<String> ranked = new ArrayList<>();
    for (Map.Entry<String, Integer> e : kernels.entrySet()) {
      if (!e.getKey().equals(outputLayer)) {
        ranked.add(e.getKey());
      }
    }
    if (Double.isNaN(tau)) {
      List<List<String>> groups =
          scope == Scope.GLOBAL ? List.of(ranked) : ranked.stream().map(List::of).toList();
      for (List<String> group : groups) {
        keepGroup(group, targets, kernels, prior, context.targetSparsity(), unitKeep);
      }
    } else {
      for (String layer : ranked) {
        NDArray norms = norms(targets.get(kernels.get(layer)).array());
        unitKeep.put(layer, norms.gt((float) tau).toType(norms.getDataType(), false));
      }
    }
    List<NDArray> keep = new ArrayList<>(targets.size());
    for (ParameterRef p : targets) {
      NDArray w = p.array();
      NDArray units = unitKeep.get(p.layer());
      if (units == null) {
        keep.add(w.onesLike());
      } else if (isKernel(p)) {
        keep.add(w.onesLike().muli(units.reshape(unitShape(w.getShape()))));
      } else {
        keep.add(units.reshape(w.getShape()).duplicate());
      }
    }
    return new Mask(targets.stream().map(ParameterRef::name).toList(), keep);
  }

  /** The {@code round(s * n)} lowest-scoring units of the group's layers pruned. */
  private static void keepGroup(
      List<String> layers,
      List<ParameterRef> targets,
      Map<String, Integer> kernels,
      Mask prior,
      double target,
      Map<String, NDArray> out) {
    if (layers.isEmpty()) {
      return;
    }
    NDList scores = new NDList(layers.size());
    long[] ends = new long[layers.size()];
    long n = 0;
    for (int l = 0; l < layers.size(); l++) {
      int i = kernels.get(layers.get(l));
      NDArray s = norms(targets.get(i).array());
      if (prior != null) {
        // A unit the prior pruned entirely scores -1, below every norm: counted first.
        NDArray k = prior.keep(i);
        NDArray kept = k.reshape(k.getShape().get(0), -1).max(new int[] {1});
        s = s.mul(kept).addi(kept).subi(1);
      }
      scores.add(s);
      n += s.size();
      ends[l] = n;
    }
    NDArray all = scores.size() == 1 ? scores.get(0) : NDArrays.concat(scores);
    NDManager manager = all.getManager();
    long pruned = Math.round(target * n);
    NDArray mask = manager.ones(new Shape(n), all.getDataType());
    if (pruned > 0) {
      NDArray lowest = all.topK((int) pruned, 0, false, false).get(1);
      mask = mask.scatter(lowest, manager.zeros(new Shape(pruned), all.getDataType()), 0);
    }
    long from = 0;
    for (int l = 0; l < layers.size(); l++) {
      out.put(layers.get(l), mask.get(new NDIndex().addSliceDim(from, ends[l])));
      from = ends[l];
    }
  }

  /** The L2 norm of every unit's incoming weights, {@code [units]}. */
  static NDArray norms(NDArray kernel) {
    return kernel.reshape(kernel.getShape().get(0), -1).square().sum(new int[] {1}).sqrt();
  }

  /** {@code [out, 1, 1, ...]}: the units' keep broadcast over a kernel of this shape. */
  private static Shape unitShape(Shape kernel) {
    long[] s = new long[kernel.dimension()];
    Arrays.fill(s, 1);
    s[0] = kernel.get(0);
    return new Shape(s);
  }

  private static boolean isKernel(ParameterRef p) {
    return p.kind() == ParameterKind.DENSE_KERNEL || p.kind() == ParameterKind.CONV_KERNEL;
  }

  /** Index in {@code targets} of each selected layer's kernel; refuses what it cannot score. */
  private static Map<String, Integer> kernels(List<ParameterRef> targets) {
    Map<String, Integer> out = new LinkedHashMap<>();
    for (int i = 0; i < targets.size(); i++) {
      ParameterRef p = targets.get(i);
      if (isKernel(p)) {
        out.put(p.layer(), i);
      } else if (p.kind() != ParameterKind.DENSE_BIAS && p.kind() != ParameterKind.CONV_BIAS) {
        throw new ConfigException(
            PruningSettings.ON,
            "units prunes kernels and their biases, not " + p.name() + " (" + p.kind() + ")");
      }
    }
    for (ParameterRef p : targets) {
      if (!isKernel(p) && !out.containsKey(p.layer())) {
        throw new ConfigException(
            PruningSettings.ON,
            "units scores a unit by its incoming weights, but the selection holds "
                + p.name()
                + " without "
                + p.layer()
                + "'s kernel");
      }
    }
    return out;
  }

  @Override
  public String toString() {
    return Double.isNaN(tau) ? "units(scope=" + scope + ")" : "units(tau=" + tau + ")";
  }
}
