package io.paretoprune.cli;

import java.nio.file.Path;

/** Where data and results live unless a command is told otherwise. */
final class Paths {
  private Paths() {}

  /** {@code $PARETOPRUNE_DATA}, else {@code ./data}. */
  static Path data() {
    String env = System.getenv("PARETOPRUNE_DATA");
    return Path.of(env != null && !env.isBlank() ? env : "data").toAbsolutePath();
  }

  static Path results() {
    return Path.of("results").toAbsolutePath();
  }
}
