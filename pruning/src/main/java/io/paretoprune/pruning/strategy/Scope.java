package io.paretoprune.pruning.strategy;

import java.util.List;
import java.util.Locale;

/** Over which weights a counting strategy reaches its target sparsity. */
public enum Scope {
  /** Each layer on its own: its selected kernel and bias ranked together. */
  LAYER,
  /** All selected weights ranked together: one mask, sliced back per parameter. */
  GLOBAL;

  public static final List<String> NAMES = List.of("layer", "global");

  public static Scope parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
