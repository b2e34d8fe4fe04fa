package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.train.result.LayerStats;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sparsity summed per layer (kernel and bias together, as the paper counts a layer's nonzeros) and
 * over a whole selection. The trainer's per-parameter {@link LayerStats} are the source, so these
 * totals always agree with what an epoch recorded.
 *
 * @param layers one row per layer with a selected parameter, in forward order
 * @param total the sum over all selected parameters
 */
public record SparsityReport(List<Total> layers, Total total) {

  /**
   * Sizes, nonzeros and L1 summed over some parameters.
   *
   * @param name the layer's stable name ({@code dense1}), or {@code total}
   */
  public record Total(String name, long size, long nonzeros, double l1) {
    public double sparsity() {
      return size == 0 ? 0 : 1.0 - (double) nonzeros / size;
    }

    public long pruned() {
      return size - nonzeros;
    }

    Total plus(LayerStats s) {
      return new Total(name, size + s.size(), nonzeros + s.nonzeros(), l1 + s.l1());
    }
  }

  public SparsityReport {
    layers = List.copyOf(layers);
  }

  /** Sums an epoch's {@link LayerStats} over the parameters {@code selection} matches. */
  public static SparsityReport of(List<LayerStats> stats, ParameterSelector selection) {
    Map<String, Total> byLayer = new LinkedHashMap<>();
    Total total = new Total("total", 0, 0, 0);
    for (LayerStats s : stats) {
      if (!selection.matches(describe(s))) {
        continue;
      }
      String layer = layerOf(s.parameter());
      byLayer.merge(layer, new Total(layer, 0, 0, 0).plus(s), SparsityReport::sum);
      total = total.plus(s);
    }
    return new SparsityReport(new ArrayList<>(byLayer.values()), total);
  }

  /**
   * Measures the selected parameters now, counting as the trainer does for {@link LayerStats}
   * (nonzeros by {@code countNonzero}, L1 by {@code abs().sum()}).
   */
  public static SparsityReport measure(ParameterCatalog catalog, ParameterSelector selection) {
    List<LayerStats> stats = new ArrayList<>();
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      for (ParameterRef p : catalog.select(selection)) {
        NDArray a = p.array();
        stats.add(
            new LayerStats(
                p.name(),
                p.kind().name(),
                a.size(),
                a.countNonzero().getLong(),
                a.abs().sum().getFloat()));
      }
    }
    return of(stats, selection);
  }

  /** The row of layer {@code name}; throws naming the known layers when absent. */
  public Total layer(String name) {
    for (Total t : layers) {
      if (t.name().equals(name)) {
        return t;
      }
    }
    throw new IllegalArgumentException(
        "no layer '"
            + name
            + "' in the report; it has "
            + String.join(", ", layers.stream().map(Total::name).toList()));
  }

  private static Total sum(Total a, Total b) {
    return new Total(a.name(), a.size() + b.size(), a.nonzeros() + b.nonzeros(), a.l1() + b.l1());
  }

  private static String layerOf(String parameter) {
    int dot = parameter.lastIndexOf('.');
    return dot < 0 ? parameter : parameter.substring(0, dot);
  }

  /** A stand-in reference for matching a recorded row against a selector (no array needed). */
  private static ParameterRef describe(LayerStats s) {
    String layer = layerOf(s.parameter());
    String role = s.parameter().substring(Math.min(s.parameter().length(), layer.length() + 1));
    return new ParameterRef(layer, role, ParameterKind.valueOf(s.kind()), null);
  }
}
