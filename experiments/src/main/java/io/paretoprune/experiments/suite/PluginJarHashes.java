package io.paretoprune.experiments.suite;

import java.util.Map;
import java.util.Objects;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.Supplier;

/**
 * The SHA-256 of every plug-in jar loaded from outside the build, by jar name, for the config hash:
 * a changed plug-in changes results as surely as a changed setting. Nothing loads such jars yet, so
 * the provider gives an empty map; the plug-in folder's loader installs its own provider.
 */
public final class PluginJarHashes {
  private static volatile Supplier<Map<String, String>> provider = Map::of;

  private PluginJarHashes() {}

  /** Installs where the loaded plug-ins' {jar name -> sha256} come from. */
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
