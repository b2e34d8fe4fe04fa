package io.paretoprune.core.plugin;

import java.util.Map;

/** A named, configurable plug-in. */
public interface Plugin {
  /** The short id suites and the command line use, e.g. {@code smgd}. Lower case, no spaces. */
  String name();

  /** One line for {@code list} output. */
  String description();

  /**
   * The settings this plug-in accepts with a one-line description each; any other key in a config
   * is an error.
   */
  Map<String, String> settings();
}
