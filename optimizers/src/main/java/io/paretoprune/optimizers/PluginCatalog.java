package io.paretoprune.optimizers;

import io.paretoprune.core.plugin.PluginRegistry;
import java.util.List;

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

  /** The names of the step rules, for messages. */
  public static List<String> stepRuleNames() {
    return stepRules().all().stream().map(StepRuleProvider::name).toList();
  }
}
