package io.paretoprune.core.task;

import io.paretoprune.core.plugin.PluginRegistry;

/**
 * The tasks on the classpath by name, built-in and from plug-in jars, found through {@link Task}.
 */
public final class Tasks {
  private Tasks() {}

  /** Loads the providers afresh (so plug-ins added to the context class loader are seen). */
  public static PluginRegistry<Task> registry() {
    return PluginRegistry.load(Task.class, "task");
  }

  /** The task called {@code name}; a {@code ConfigException} listing the known ones if none. */
  public static Task get(String name) {
    return registry().get(name);
  }
}
