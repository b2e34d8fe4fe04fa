package io.paretoprune.models.nets;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;

/** List-valued settings of the model factories, checked element by element. */
final class SettingLists {
  private SettingLists() {}

  /** Whole numbers in {@code [min, max]}; a bad element is reported as {@code key[i]}. */
  static int[] wholeNumbers(PluginSettings settings, String key, int[] fallback, int min, int max) {
    if (!settings.has(key)) {
      return fallback.clone();
    }
    double[] raw = settings.getDoubles(key, null);
    int[] out = new int[raw.length];
    for (int i = 0; i < raw.length; i++) {
      double d = raw[i];
      if (d != Math.rint(d) || d < min || d > max) {
        throw new ConfigException(
            key + "[" + i + "]",
            "must be a whole number between " + min + " and " + max + ", got " + format(d));
      }
      out[i] = (int) d;
    }
    return out;
  }

  /** Rates in {@code [0, 1)}; a bad element is reported as {@code key[i]}. */
  static float[] rates(PluginSettings settings, String key, float[] fallback) {
    if (!settings.has(key)) {
      return fallback.clone();
    }
    double[] raw = settings.getDoubles(key, null);
    float[] out = new float[raw.length];
    for (int i = 0; i < raw.length; i++) {
      if (!(raw[i] >= 0 && raw[i] < 1)) {
        throw new ConfigException(
            key + "[" + i + "]", "must be a rate in [0, 1), got " + format(raw[i]));
      }
      out[i] = (float) raw[i];
    }
    return out;
  }

  private static String format(double d) {
    return d == Math.rint(d) && Math.abs(d) < 1e15 ? Long.toString((long) d) : Double.toString(d);
  }
}
