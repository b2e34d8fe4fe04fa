package io.paretoprune.core.param;

import java.util.EnumSet;
import java.util.LinkedHashSet;
import java.util.Locale;
import java.util.Set;

/**
 * Which parameters an objective, an optimizer group or a pruning rule addresses.
 *
 * <p>Written in configs as a comma-separated list of kinds and layer names: {@code dense.kernel},
 * {@code dense} (kernels and biases), {@code conv.kernel}, {@code lstm.kernel} (an LSTM's weight
 * matrices; {@code lstm.bias}, {@code lstm}), {@code all}, or layer names such as {@code
 * dense1,dense2}. A layer name may end in {@code .weight} / {@code .bias}.
 */
public final class ParameterSelector {
  private final String spec;
  private final Set<ParameterKind> kinds;
  private final Set<String> names;

  private ParameterSelector(String spec, Set<ParameterKind> kinds, Set<String> names) {
    this.spec = spec;
    this.kinds = kinds;
    this.names = names;
  }

  public static ParameterSelector denseKernels() {
    return parse("dense.kernel");
  }

  /** Kernels and biases of the dense layers: the paper's pruning selection. */
  public static ParameterSelector dense() {
    return parse("dense");
  }

  public static ParameterSelector convKernels() {
    return parse("conv.kernel");
  }

  public static ParameterSelector all() {
    return parse("all");
  }

  /**
   * Parses a selector.
   *
   * @throws IllegalArgumentException naming the token it does not know
   */
  public static ParameterSelector parse(String spec) {
    if (spec == null || spec.isBlank()) {
      throw new IllegalArgumentException("empty parameter selector");
    }
    Set<ParameterKind> kinds = EnumSet.noneOf(ParameterKind.class);
    Set<String> names = new LinkedHashSet<>();
    for (String raw : spec.split(",")) {
      String token = raw.trim().toLowerCase(Locale.ROOT);
      switch (token) {
        case "dense.kernel", "dense.weight" -> kinds.add(ParameterKind.DENSE_KERNEL);
        case "dense.bias" -> kinds.add(ParameterKind.DENSE_BIAS);
        case "dense" ->
            kinds.addAll(EnumSet.of(ParameterKind.DENSE_KERNEL, ParameterKind.DENSE_BIAS));
        case "conv.kernel", "conv.weight" -> kinds.add(ParameterKind.CONV_KERNEL);
        case "conv.bias" -> kinds.add(ParameterKind.CONV_BIAS);
        case "conv" -> kinds.addAll(EnumSet.of(ParameterKind.CONV_KERNEL, ParameterKind.CONV_BIAS));
        case "lstm.kernel", "lstm.weight" -> kinds.add(ParameterKind.LSTM_KERNEL);
        case "lstm.bias" -> kinds.add(ParameterKind.LSTM_BIAS);
        case "lstm" -> kinds.addAll(EnumSet.of(ParameterKind.LSTM_KERNEL, ParameterKind.LSTM_BIAS));
        case "norm" -> kinds.add(ParameterKind.NORM);
        case "all" -> kinds.addAll(EnumSet.complementOf(EnumSet.of(ParameterKind.STATE)));
        default -> {
          if (!token.matches("[a-z]+[0-9]+(\\.[a-z_]+)?")) {
            throw new IllegalArgumentException(
                "unknown parameter selector '"
                    + raw.trim()
                    + "'; use dense, dense.kernel, dense.bias, conv, conv.kernel, conv.bias, lstm,"
                    + " lstm.kernel, lstm.bias, norm, all, or layer names like dense1 or"
                    + " conv2.weight");
          }
          names.add(token);
        }
      }
    }
    return new ParameterSelector(spec.trim(), kinds, names);
  }

  public boolean matches(ParameterRef p) {
    return kinds.contains(p.kind()) || names.contains(p.layer()) || names.contains(p.name());
  }

  @Override
  public String toString() {
    return spec;
  }

  @Override
  public boolean equals(Object o) {
    return o instanceof ParameterSelector s && s.kinds.equals(kinds) && s.names.equals(names);
  }

  @Override
  public int hashCode() {
    return kinds.hashCode() * 31 + names.hashCode();
  }
}
