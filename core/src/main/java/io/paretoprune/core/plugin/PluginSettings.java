package io.paretoprune.core.plugin;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * A plug-in's settings as read from a suite: typed getters that fail with the key and the problem,
 * and a check that no unknown key slipped in.
 */
public final class PluginSettings {
  private final Map<String, Object> values;

  public PluginSettings(Map<String, ?> values) {
    this.values =
        Collections.unmodifiableMap(new LinkedHashMap<>(values == null ? Map.of() : values));
  }

  public static PluginSettings empty() {
    return new PluginSettings(Map.of());
  }

  public Map<String, Object> asMap() {
    return values;
  }

  public boolean has(String key) {
    return values.containsKey(key);
  }

  /** Fails on any key the plug-in does not declare, listing the ones it does. */
  public PluginSettings requireOnly(Plugin plugin) {
    for (String key : values.keySet()) {
      if (!plugin.settings().containsKey(key)) {
        throw new ConfigException(
            key,
            "unknown setting for '"
                + plugin.name()
                + "'; known: "
                + (plugin.settings().isEmpty()
                    ? "none"
                    : String.join(", ", new TreeSet<>(plugin.settings().keySet()))));
      }
    }
    return this;
  }

  public double getDouble(String key, double fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Number n) {
      return n.doubleValue();
    }
    if (v instanceof String s) {
      try {
        return Double.parseDouble(s.trim());
      } catch (NumberFormatException e) {
        // fall through to the error below
      }
    }
    throw new ConfigException(key, "expected a number, got '" + v + "'");
  }

  /** A number in {@code [min, max]}. */
  public double getDouble(String key, double fallback, double min, double max) {
    double d = getDouble(key, fallback);
    if (!(d >= min && d <= max)) {
      throw new ConfigException(key, "must be between " + min + " and " + max + ", got " + d);
    }
    return d;
  }

  public int getInt(String key, int fallback, int min, int max) {
    double d = getDouble(key, fallback);
    if (d != Math.rint(d)) {
      throw new ConfigException(key, "expected a whole number, got " + values.get(key));
    }
    if (d < min || d > max) {
      throw new ConfigException(
          key, "must be between " + min + " and " + max + ", got " + (long) d);
    }
    return (int) d;
  }

  public boolean getBoolean(String key, boolean fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Boolean b) {
      return b;
    }
    if ("true".equals(v) || "false".equals(v)) {
      return Boolean.parseBoolean((String) v);
    }
    throw new ConfigException(key, "expected true or false, got '" + v + "'");
  }

  public String getString(String key, String fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (v instanceof Map || v instanceof List) {
      throw new ConfigException(key, "expected a single value, got " + v);
    }
    return v.toString();
  }

  /** One of {@code allowed}. */
  public String getChoice(String key, String fallback, List<String> allowed) {
    String s = getString(key, fallback);
    if (!allowed.contains(s)) {
      throw new ConfigException(
          key, "must be one of " + String.join(", ", allowed) + ", got '" + s + "'");
    }
    return s;
  }

  /** A list of numbers. */
  public double[] getDoubles(String key, double[] fallback) {
    Object v = values.get(key);
    if (v == null) {
      return fallback;
    }
    if (!(v instanceof List<?> list)) {
      throw new ConfigException(key, "expected a list of numbers, got '" + v + "'");
    }
    double[] out = new double[list.size()];
    for (int i = 0; i < out.length; i++) {
      Object e = list.get(i);
      if (!(e instanceof Number n)) {
        throw new ConfigException(key + "[" + i + "]", "expected a number, got '" + e + "'");
      }
      out[i] = n.doubleValue();
    }
    return out;
  }

  @Override
  public String toString() {
    return values.toString();
  }
}
