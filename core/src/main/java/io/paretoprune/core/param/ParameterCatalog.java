package io.paretoprune.core.param;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.LayerNorm;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.util.Pair;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The parameters of a DJL block under stable names.
 *
 * <p>DJL names children {@code 01Conv2d}, {@code 04Linear}, ... which change when a layer is
 * inserted. The catalog instead numbers layers of one family in forward order: {@code conv1, conv2,
 * dense1, dense2, bn1, lstm1}. Objectives, pruning and reports all use these names.
 */
public final class ParameterCatalog {
  private final List<ParameterRef> parameters;
  private final Map<String, ParameterRef> byName;

  private ParameterCatalog(List<ParameterRef> parameters) {
    this.parameters = Collections.unmodifiableList(parameters);
    Map<String, ParameterRef> map = new LinkedHashMap<>();
    for (ParameterRef p : parameters) {
      map.put(p.name(), p);
    }
    this.byName = Collections.unmodifiableMap(map);
  }

  /** Walks the block tree depth-first and names every parameter. */
  public static ParameterCatalog of(Block root) {
    List<ParameterRef> out = new ArrayList<>();
    Map<String, Integer> counters = new HashMap<>();
    walk(root, counters, out);
    return new ParameterCatalog(out);
  }

  private static void walk(Block block, Map<String, Integer> counters, List<ParameterRef> out) {
    String family = family(block);
    if (family != null) {
      int index = counters.merge(family, 1, Integer::sum);
      String layer = family + index;
      for (Pair<String, Parameter> p : block.getDirectParameters()) {
        Parameter parameter = p.getValue();
        out.add(new ParameterRef(layer, p.getKey(), kind(family, parameter), parameter));
      }
    } else {
      // Parameters directly on a container block (rare): name them after their DJL key.
      for (Pair<String, Parameter> p : block.getDirectParameters()) {
        Parameter parameter = p.getValue();
        out.add(new ParameterRef("block", p.getKey(), kind(null, parameter), parameter));
      }
    }
    for (Pair<String, Block> child : block.getChildren()) {
      walk(child.getValue(), counters, out);
    }
  }

  private static String family(Block block) {
    if (block instanceof Linear) {
      return "dense";
    }
    if (block instanceof Convolution) {
      return "conv";
    }
    if (block instanceof BatchNorm) {
      return "bn";
    }
    if (block instanceof LayerNorm) {
      return "ln";
    }
    if (block instanceof LSTM) {
      return "lstm";
    }
    return null;
  }

  private static ParameterKind kind(String family, Parameter parameter) {
    Parameter.Type type = parameter.getType();
    if (type == Parameter.Type.RUNNING_MEAN || type == Parameter.Type.RUNNING_VAR) {
      return ParameterKind.STATE;
    }
    if ("dense".equals(family)) {
      return type == Parameter.Type.BIAS ? ParameterKind.DENSE_BIAS : ParameterKind.DENSE_KERNEL;
    }
    if ("conv".equals(family)) {
      return type == Parameter.Type.BIAS ? ParameterKind.CONV_BIAS : ParameterKind.CONV_KERNEL;
    }
    if ("lstm".equals(family)) {
      // Input-to-hidden and hidden-to-hidden matrices are kernels; their biases are biases.
      return type == Parameter.Type.BIAS ? ParameterKind.LSTM_BIAS : ParameterKind.LSTM_KERNEL;
    }
    if ("bn".equals(family) || "ln".equals(family)) {
      return ParameterKind.NORM;
    }
    return ParameterKind.OTHER;
  }

  public List<ParameterRef> all() {
    return parameters;
  }

  /** The parameters a gradient reaches, in forward order. */
  public List<ParameterRef> trainable() {
    return parameters.stream().filter(ParameterRef::trainable).toList();
  }

  public List<ParameterRef> select(ParameterSelector selector) {
    return parameters.stream().filter(selector::matches).toList();
  }

  /** The parameter named {@code layer.role}; throws naming the known ones when absent. */
  public ParameterRef get(String name) {
    ParameterRef p = byName.get(name);
    if (p == null) {
      throw new IllegalArgumentException(
          "no parameter named '" + name + "'; known: " + String.join(", ", byName.keySet()));
    }
    return p;
  }

  /** Layer names in forward order, each once. */
  public List<String> layers() {
    return parameters.stream().map(ParameterRef::layer).distinct().toList();
  }
}
