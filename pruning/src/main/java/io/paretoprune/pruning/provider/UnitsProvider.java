package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSettings;
import io.paretoprune.pruning.strategy.UnitPruning;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code units}: whole neurons (filters) by the L2 norm of their incoming weights, to a scheduled
 * target fraction of the units (as {@code magnitude}) or below a threshold {@code tau} on the norm
 * (as {@code threshold}).
 */
public final class UnitsProvider implements PruningProvider {
  static final String TAU = "tau";

  @Override
  public String name() {
    return "units";
  }

  @Override
  public String description() {
    return "structured: whole units (a unit's incoming weights and bias) of smallest L2 norm, to a"
        + " scheduled fraction of each layer's units (target) or every unit with norm <= tau;"
        + " never the output layer";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(
        PruningSettings.TARGET,
        "fraction of the units to prune, in [0, 1); give target or tau, not both");
    m.put(TAU, "prune every unit whose incoming weights have L2 norm <= tau, a finite number >= 0");
    Map<String, String> scheduled = PruningSettings.scheduled();
    scheduled.remove(PruningSettings.TARGET);
    for (Map.Entry<String, String> e : scheduled.entrySet()) {
      boolean targetOnly =
          List.of(PruningSettings.RAMP, PruningSettings.END_STEP, PruningSettings.SCOPE)
              .contains(e.getKey());
      m.put(e.getKey(), e.getValue() + (targetOnly ? " (with target only)" : ""));
    }
    return m;
  }

  @Override
  public PruningHook create(PluginSettings settings) {
    settings.requireOnly(this);
    boolean byTau = settings.has(TAU);
    if (byTau && settings.has(PruningSettings.TARGET)) {
      throw new ConfigException(
          TAU,
          "give tau (a threshold on the units' L2 norms) or target (a fraction of the units),"
              + " not both");
    }
    if (!byTau) {
      if (!settings.has(PruningSettings.TARGET)) {
        throw new ConfigException(
            PruningSettings.TARGET,
            "required: the fraction of units to prune, in [0, 1) (or give tau, a threshold on"
                + " the units' L2 norms)");
      }
      return PruningSettings.hook(
          UnitPruning.byTarget(PruningSettings.scope(settings)),
          settings,
          PruningSettings.schedule(settings));
    }
    for (String key :
        List.of(PruningSettings.RAMP, PruningSettings.END_STEP, PruningSettings.SCOPE)) {
      if (settings.has(key)) {
        throw new ConfigException(key, "only used with target, not with tau");
      }
    }
    double tau = settings.getDouble(TAU, 0);
    if (!(tau >= 0) || Double.isInfinite(tau)) {
      throw new ConfigException(TAU, "must be a finite number >= 0, got " + tau);
    }
    return PruningSettings.hook(
        UnitPruning.byThreshold(tau), settings, PruningSettings.events(settings));
  }
}
