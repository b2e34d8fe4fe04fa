package io.paretoprune.core.data;

import java.nio.file.Path;

/** A data file is missing, broken or not what it claims; the message is "file: reason". */
public class DatasetFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public DatasetFormatException(Path file, String reason) {
    super(file + ": " + reason);
  }

  public DatasetFormatException(Path file, String reason, Throwable cause) {
    super(file + ": " + reason, cause);
  }
}
