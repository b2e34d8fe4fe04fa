package io.paretoprune.optimizers;

import io.paretoprune.core.plugin.PluginRegistry;

/**
 * The combiners and step rules on the classpath (built-in and plug-in jars), found by {@link
 * java.util.ServiceLoader}.
 */
public final class PluginCatalog {
  private PluginCatalog() {}

  public static PluginRegistry<CombinerProvider> combiners() {
    return PluginRegistry.load(CombinerProvider.class, "combiner");
  }

  public static PluginRegistry<StepRuleProvider> stepRules() {
    return PluginRegistry.load(StepRuleProvider.class, "step rule");
  }
}
