package io.paretoprune.experiments.run;

/**
 * A results folder cannot be used as asked: another process holds it, or finished runs in it were
 * made with other settings. A user's matter, not a failure: the command line prints the message as
 * one line and exits 2.
 */
public class ResultsFolderException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public ResultsFolderException(String message) {
    super(message);
  }
}
