package io.paretoprune.core.objective;

import io.paretoprune.core.plugin.PluginRegistry;

/** The data losses on the classpath by name, built-in and from plug-in jars ({@link LossTerm}). */
public final class LossTerms {
  private LossTerms() {}

  /** Loads the providers afresh (so plug-ins added to the context class loader are seen). */
  public static PluginRegistry<LossTerm> registry() {
    return PluginRegistry.load(LossTerm.class, "loss");
  }

  /** The loss called {@code name}; a {@code ConfigException} listing the known ones if none. */
  public static LossTerm get(String name) {
    return registry().get(name);
  }
}
