package io.paretoprune.experiments.pareto;

import io.paretoprune.core.plugin.ConfigException;
import java.util.ArrayList;
import java.util.List;

/** Validation of search settings shared by the builders; errors name the configuration key. */
final class SearchSettings {
  private SearchSettings() {}

  /** Weightings {@code (1 - c2, c2)} from c2 values, each checked under {@code key[i]}. */
  static List<Weighting> weightings(String key, List<Double> c2Values) {
    if (c2Values == null || c2Values.isEmpty()) {
      throw new ConfigException(key, "needs at least one c2 value");
    }
    List<Weighting> out = new ArrayList<>();
    for (int i = 0; i < c2Values.size(); i++) {
      Double c2 = c2Values.get(i);
      if (c2 == null || !(c2 >= 0 && c2 <= 1)) {
        throw new ConfigException(key + "[" + i + "]", "c2 must be in [0, 1], got " + c2);
      }
      out.add(Weighting.ofC2(c2));
    }
    return out;
  }

  static void atLeast(String key, int value, int minimum, String why) {
    if (value < minimum) {
      throw new ConfigException(key, "must be at least " + minimum + " " + why + ", got " + value);
    }
  }
}
