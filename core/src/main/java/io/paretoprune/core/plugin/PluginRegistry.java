package io.paretoprune.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;

/**
 * The plug-ins of one seam found on the classpath by {@link ServiceLoader}: a plug-in is one class
 * plus one line in {@code META-INF/services/<seam interface>}.
 */
public final class PluginRegistry<T extends Plugin> {
  private final String kind;
  private final Map<String, T> byName;

  private PluginRegistry(String kind, Map<String, T> byName) {
    this.kind = kind;
    this.byName = byName;
  }

  /**
   * Loads every provider of {@code seam}.
   *
   * @param kind what they are, for messages ("optimizer", "pruning strategy", "model")
   * @throws IllegalStateException when two plug-ins claim one name
   */
  public static <T extends Plugin> PluginRegistry<T> load(Class<T> seam, String kind) {
    Map<String, T> map = new LinkedHashMap<>();
    List<T> found = new ArrayList<>();
    ServiceLoader.load(seam, seam.getClassLoader()).forEach(found::add);
    ClassLoader context = Thread.currentThread().getContextClassLoader();
    if (context != null && context != seam.getClassLoader()) {
      ServiceLoader.load(seam, context).forEach(found::add);
    }
    found.sort(Comparator.comparing(Plugin::name));
    for (T p : found) {
      T previous = map.putIfAbsent(p.name(), p);
      if (previous != null && previous.getClass() != p.getClass()) {
        throw new IllegalStateException(
            "two "
                + kind
                + " plug-ins are named '"
                + p.name()
                + "': "
                + previous.getClass().getName()
                + " and "
                + p.getClass().getName());
      }
    }
    return new PluginRegistry<>(kind, map);
  }

  /** The plug-in called {@code name}; a {@link ConfigException} listing the known ones if none. */
  public T get(String name) {
    T p = byName.get(name);
    if (p == null) {
      throw new ConfigException(
          null,
          "unknown " + kind + " '" + name + "'; known: " + String.join(", ", byName.keySet()));
    }
    return p;
  }

  public List<T> all() {
    return List.copyOf(byName.values());
  }

  public String kind() {
    return kind;
  }
}
