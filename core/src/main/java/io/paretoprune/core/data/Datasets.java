package io.paretoprune.core.data;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginRegistry;
import java.util.List;

/**
 * The data sets on the classpath by name, built-in and from plug-in jars, found through {@link
 * DatasetDescriptor}.
 */
public final class Datasets {
  private Datasets() {}

  /** Loads the providers afresh (so plug-ins added to the context class loader are seen). */
  public static PluginRegistry<DatasetDescriptor> registry() {
    return PluginRegistry.load(DatasetDescriptor.class, "dataset");
  }

  public static List<DatasetDescriptor> all() {
    return registry().all();
  }

  /** The data set called {@code name}; a {@link ConfigException} listing the known ones if none. */
  public static DatasetDescriptor get(String name) {
    return registry().get(name);
  }
}
