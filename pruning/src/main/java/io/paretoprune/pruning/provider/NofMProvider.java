package io.paretoprune.pruning.provider;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.pruning.PruningHook;
import io.paretoprune.pruning.PruningProvider;
import io.paretoprune.pruning.PruningSettings;
import io.paretoprune.pruning.strategy.NofMPruning;
import java.util.LinkedHashMap;
import java.util.Map;

/** {@code n-of-m}: N:M semi-structured sparsity, n of every m consecutive input weights kept. */
public final class NofMProvider implements PruningProvider {
  static final String N = "n";
  static final String M = "m";

  @Override
  public String name() {
    return "n-of-m";
  }

  @Override
  public String description() {
    return "semi-structured N:M: in every group of m consecutive weights along a kernel's input"
        + " dimension the n of largest |w| are kept (2 of 4: half the kernel); biases untouched";
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> s = new LinkedHashMap<>();
    s.put(N, "weights kept per group, 1 to m - 1 (default 2)");
    s.put(M, "group size, 2 to " + NofMPruning.MAX_M + " (default 4)");
    s.putAll(PruningSettings.events());
    return s;
  }

  @Override
  public PruningHook create(PluginSettings settings) {
    settings.requireOnly(this);
    int m = settings.getInt(M, 4, 2, NofMPruning.MAX_M);
    int n = settings.getInt(N, 2, 1, Integer.MAX_VALUE);
    if (n >= m) {
      throw new ConfigException(
          N, "must be less than m (" + m + "): n of m kept prunes nothing, got " + n);
    }
    return PruningSettings.hook(new NofMPruning(n, m), settings, PruningSettings.events(settings));
  }
}
