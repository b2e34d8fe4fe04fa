package io.paretoprune.experiments.suite;

import io.paretoprune.core.plugin.PluginJar;
import io.paretoprune.core.plugin.PluginPath;
import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The SHA-256 of every plug-in jar loaded from outside the build, by jar name, for the config hash:
 * a changed plug-in changes results as surely as a changed setting. By default they are the jars
 * {@link PluginPath#installed()} loaded (the parent and every run JVM install the same ones).
 */
public final class PluginJarHashes {
  private static volatile Supplier<Map<String, String>> provider = PluginJarHashes::installed;

  private PluginJarHashes() {}

  private static Map<String, String> installed() {
    Map<String, String> m = new TreeMap<>();
    for (PluginJar j : PluginPath.installed().jars()) {
      m.put(j.jar(), j.sha256());
    }
    return m;
  }

  /** Installs where the loaded plug-ins' {jar name -> sha256} come from (tests). */
  public static void setProvider(Supplier<Map<String, String>> jarSha256ByName) {
    provider = Objects.requireNonNull(jarSha256ByName);
  }

  /**
   * The loaded plug-in jars' hashes, sorted by name so the config hash does not depend on order.
   */
  public static SortedMap<String, String> current() {
    return new TreeMap<>(provider.get());
  }
}
