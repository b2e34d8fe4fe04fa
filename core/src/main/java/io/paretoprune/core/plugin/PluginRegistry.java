package io.paretoprune.core.plugin;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.ServiceConfigurationError;
import java.util.ServiceLoader;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The plug-ins of one seam found by {@link ServiceLoader}: a plug-in is one class plus one line in
 * {@code META-INF/services/<seam interface>}, built in or in a plug-in jar ({@link PluginPath}).
 * Every seam loaded here is remembered, so {@code paretoprune list} shows a new seam without being
 * told about it.
 */
public final class PluginRegistry<T extends Plugin> {
  /** The origin of a plug-in that ships with ParetoPrune. */
  public static final String BUILT_IN = "built-in";

  private static final Map<Class<?>, PluginRegistry<?>> LOADED = new ConcurrentHashMap<>();
  private static final Map<Class<?>, String> KINDS = new ConcurrentHashMap<>();

  private final Class<T> seam;
  private final String kind;
  private final Map<String, T> byName;

  private PluginRegistry(Class<T> seam, String kind, Map<String, T> byName) {
    this.seam = seam;
    this.kind = kind;
    this.byName = byName;
  }

  /**
   * Loads every provider of {@code seam}: the application's, then the plug-in jars' (the thread's
   * context class loader).
   *
   * @param kind what they are, for messages ("optimizer", "pruning strategy", "model")
   * @throws PluginLoadException when a provider cannot be loaded or two claim one name
   */
  public static <T extends Plugin> PluginRegistry<T> load(Class<T> seam, String kind) {
    List<T> found = new ArrayList<>();
    try {
      ServiceLoader.load(seam, seam.getClassLoader()).forEach(found::add);
      ClassLoader context = Thread.currentThread().getContextClassLoader();
      if (context != null && context != seam.getClassLoader()) {
        ServiceLoader.load(seam, context).forEach(found::add);
      }
    } catch (ServiceConfigurationError e) {
      throw new PluginLoadException(
          "a plug-in jar", null, "cannot load a " + kind + ": " + e.getMessage());
    }
    // Built-ins first, so a clash names the plug-in jar as the one at fault.
    found.sort(
        Comparator.comparing((T p) -> !BUILT_IN.equals(origin(p))).thenComparing(Plugin::name));
    Map<String, T> map = new LinkedHashMap<>();
    for (T p : found) {
      T previous = map.putIfAbsent(p.name(), p);
      if (previous != null && previous.getClass() != p.getClass()) {
        throw new PluginLoadException(
            origin(p),
            p.getClass().getName(),
            kind
                + " '"
                + p.name()
                + "' is already defined by "
                + previous.getClass().getName()
                + " ("
                + origin(previous)
                + ")");
      }
    }
    Map<String, T> sorted = new LinkedHashMap<>();
    map.keySet().stream().sorted().forEach(n -> sorted.put(n, map.get(n)));
    PluginRegistry<T> registry = new PluginRegistry<>(seam, kind, sorted);
    LOADED.put(seam, registry);
    // A seam's owner names its kind; a plug-in check that loads it first only has the type name.
    if (!kind.equals(seam.getSimpleName()) || !KINDS.containsKey(seam)) {
      KINDS.put(seam, kind);
    }
    return registry;
  }

  /** The kind a seam's owner loads it with; its interface's simple name until the owner has. */
  public static String kindOf(Class<?> seam) {
    return KINDS.getOrDefault(seam, seam.getSimpleName());
  }

  /** Every seam loaded in this process so far, by kind. */
  public static List<PluginRegistry<?>> loaded() {
    return LOADED.values().stream()
        .sorted(Comparator.comparing((PluginRegistry<?> r) -> kindOf(r.seam())))
        .toList();
  }

  /** {@link #BUILT_IN}, or the file name of the plug-in jar that {@code plugin} came from. */
  public static String origin(Plugin plugin) {
    return PluginClassLoader.origin(plugin.getClass());
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

  /** The seam's interface. */
  public Class<T> seam() {
    return seam;
  }
}
