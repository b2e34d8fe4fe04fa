package io.paretoprune.pruning.provider;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningSchedule;
import io.paretoprune.pruning.Regrowth;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** Settings every strategy shares: the selection, the regrowth policy and the schedule. */
final class CommonSettings {
  private CommonSettings() {}

  static Map<String, String> selectionKeys() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("on", "parameters to prune (default dense: the dense kernels and biases)");
    m.put("regrowth", "regrow (default; re-applied to current values) or fixed (masks accumulate)");
    return m;
  }

  static Map<String, String> scheduleKeys() {
    Map<String, String> m = selectionKeys();
    m.put("target", "target sparsity in [0, 1)");
    m.put("scope", "layer (default: the target per parameter) or global");
    m.put("ramp", "constant (default), linear or polynomial from start_step to end_step");
    m.put("start_step", "step where the ramp starts (default 0)");
    m.put("end_step", "step where the ramp reaches the target (default 0)");
    m.put("every", "prune every N steps (default 1)");
    return m;
  }

  static ParameterSelector selector(PluginSettings s) {
    String spec = s.getString("on", "dense");
    try {
      return ParameterSelector.parse(spec);
    } catch (IllegalArgumentException e) {
      throw new ConfigException("on", e.getMessage());
    }
  }

  static Regrowth regrowth(PluginSettings s) {
    return Regrowth.valueOf(
        s.getChoice("regrowth", "regrow", List.of("regrow", "fixed")).toUpperCase(Locale.ROOT));
  }

  static boolean global(PluginSettings s) {
    return s.getChoice("scope", "layer", List.of("layer", "global")).equals("global");
  }

  static PruningSchedule schedule(PluginSettings s) {
    double target = s.getDouble("target", 0.5, 0, Math.nextDown(1.0));
    String ramp = s.getChoice("ramp", "constant", List.of("constant", "linear", "polynomial"));
    int start = s.getInt("start_step", 0, 0, Integer.MAX_VALUE);
    int end = s.getInt("end_step", 0, 0, Integer.MAX_VALUE);
    if (!ramp.equals("constant") && end <= start) {
      throw new ConfigException(
          "end_step", "must be after start_step (" + start + ") for a " + ramp + " ramp");
    }
    return new PruningSchedule(
        ramp, target, start, end, s.getInt("every", 1, 1, Integer.MAX_VALUE));
  }
}
