package io.paretoprune.optimizers.provider;

import io.paretoprune.core.plugin.ConfigException;

/** The checks of how many objectives an optimizer can work with. */
final class ObjectiveCount {
  private ObjectiveCount() {}

  static void atLeast(String optimizer, int objectives, int min) {
    if (objectives < min) {
      throw new ConfigException(
          null,
          "optimizer '"
              + optimizer
              + "' needs at least "
              + min
              + " objective"
              + (min == 1 ? "" : "s")
              + ", the problem has "
              + objectives);
    }
  }
}
