package io.paretoprune.optimizers.provider;

/**
 * {@code combine}: any combiner with any step rule, named by the keys {@code combiner} and {@code
 * step}; what suites write as {@code {combiner: X, step: Y}}.
 */
public final class CombineProvider extends PresetProvider {
  public CombineProvider() {
    super(
        "combine",
        "any combiner with any step rule: keys combiner (required) and step",
        null,
        null,
        null);
  }
}
