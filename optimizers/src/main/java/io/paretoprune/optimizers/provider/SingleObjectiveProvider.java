package io.paretoprune.optimizers.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.optimizers.CombinerProvider;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * {@code sgd}, {@code adam}, {@code rmsprop}: a fixed weighting with that step rule, weights
 * defaulting to {@code [1, 0, ...]} (plain training on the first objective).
 */
abstract class SingleObjectiveProvider extends PresetProvider {
  SingleObjectiveProvider(String step) {
    super(
        step,
        "fixed weights (default [1, 0, ...]: the first objective) with " + step,
        "weighted",
        step,
        null);
  }

  @Override
  Map<String, String> combinerSettings(CombinerProvider c) {
    Map<String, String> m = new LinkedHashMap<>(c.settings());
    m.put("weights", "one weight >= 0 per objective (default [1, 0, ...]: the first objective)");
    return m;
  }

  @Override
  PluginSettings combinerDefaults(PluginSettings given, int objectives) {
    if (given.has("weights")) {
      return given;
    }
    Map<String, Object> m = new LinkedHashMap<>(given.asMap());
    Double[] w = new Double[objectives];
    java.util.Arrays.fill(w, 0.0);
    w[0] = 1.0;
    m.put("weights", java.util.List.of(w));
    return new PluginSettings(m);
  }

  /** {@code sgd}. */
  public static final class Sgd extends SingleObjectiveProvider {
    public Sgd() {
      super("sgd");
    }
  }

  /** {@code adam}. */
  public static final class Adam extends SingleObjectiveProvider {
    public Adam() {
      super("adam");
    }
  }

  /** {@code rmsprop}. */
  public static final class RmsProp extends SingleObjectiveProvider {
    public RmsProp() {
      super("rmsprop");
    }
  }
}
