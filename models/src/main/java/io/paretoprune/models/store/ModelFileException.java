package io.paretoprune.models.store;

import java.nio.file.Path;

/** A saved model's file is missing or broken. The message starts with the file's path. */
public class ModelFileException extends RuntimeException {
  private static final long serialVersionUID = 1L;
  private final transient Path file;

  public ModelFileException(Path file, String problem) {
    super(file + ": " + problem);
    this.file = file;
  }

  public ModelFileException(Path file, String problem, Throwable cause) {
    super(file + ": " + problem, cause);
    this.file = file;
  }

  /** The file at fault. */
  public Path file() {
    return file;
  }
}
