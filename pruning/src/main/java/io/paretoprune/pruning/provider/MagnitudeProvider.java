package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.strategy.MagnitudePruning;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code magnitude}: the smallest {@code |w|} pruned to a scheduled target sparsity. */
public final class MagnitudeProvider implements PruningProvider {
  @Override
  public String name() {
    return "magnitude";
  }

  @Override
  public String description() {
    return "batchwise magnitude pruning: the smallest |w| of each layer (or of the whole"
        + " selection) pruned to a scheduled target sparsity";
  }

  @Override
  public Map<String, String> settings() {
    return scheduledSettings();
  }

  static Map<String, String> scheduledSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put(CommonSettings.TARGET, CommonSettings.TARGET_HELP);
    m.put(CommonSettings.RAMP, CommonSettings.RAMP_HELP);
    m.put(CommonSettings.START_STEP, CommonSettings.START_HELP);
    m.put(CommonSettings.END_STEP, CommonSettings.END_HELP);
    m.put(CommonSettings.EVERY, CommonSettings.EVERY_HELP);
    m.put(CommonSettings.SCOPE, CommonSettings.SCOPE_HELP);
    m.put(CommonSettings.ON, CommonSettings.ON_HELP);
    m.put(CommonSettings.REGROWTH, CommonSettings.REGROWTH_HELP);
    return m;
  }

  @Override
  public PruningHook create(PluginSettings settings) {
    settings.requireOnly(this);
    return new PruningHook(
        new MagnitudePruning(CommonSettings.scope(settings)),
        CommonSettings.selector(settings),
        CommonSettings.schedule(settings),
        CommonSettings.regrowth(settings));
  }
}
