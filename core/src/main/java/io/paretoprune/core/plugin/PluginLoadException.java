package io.paretoprune.core.plugin;

/**
 * A plug-in jar cannot be used: unreadable, a services line naming a missing class or one that does
 * not implement its seam, or a name another plug-in already has. A user's mistake, reported as one
 * line {@code <jar>: <class>: <fault>} before anything runs.
 */
public final class PluginLoadException extends ConfigException {
  private static final long serialVersionUID = 1L;

  /**
   * @param jar the jar's file name (or the path the user gave)
   * @param className the class at fault, or {@code null} when the whole jar is
   * @param fault what is wrong
   */
  public PluginLoadException(String jar, String className, String fault) {
    super(jar, className, fault);
  }
}
