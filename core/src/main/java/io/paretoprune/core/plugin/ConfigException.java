package io.paretoprune.core.plugin;

/**
 * A user's configuration is wrong. The message names where (file, key) and what; the command line
 * prints it as one line.
 */
public class ConfigException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final String file;
  private final String key;
  private final String problem;

  public ConfigException(String key, String problem) {
    this(null, key, problem);
  }

  public ConfigException(String file, String key, String problem) {
    super(format(file, key, problem));
    this.file = file;
    this.key = key;
    this.problem = problem;
  }

  private static String format(String file, String key, String problem) {
    StringBuilder s = new StringBuilder();
    if (file != null) {
      s.append(file).append(": ");
    }
    if (key != null && !key.isEmpty()) {
      s.append(key).append(": ");
    }
    return s.append(problem).toString();
  }

  public String file() {
    return file;
  }

  public String key() {
    return key;
  }

  public String problem() {
    return problem;
  }

  /** The same problem with the key placed under {@code prefix} (e.g. {@code optimizers[2]}). */
  public ConfigException under(String prefix) {
    String k = key == null || key.isEmpty() ? prefix : prefix + "." + key;
    return new ConfigException(file, k, problem);
  }

  /** The same problem, found in {@code path}. */
  public ConfigException in(String path) {
    return new ConfigException(path, key, problem);
  }
}
