package io.paretoprune.cli;

/** A user's mistake found by the command line itself (a missing directory, say). */
public class UserInputException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public UserInputException(String message) {
    super(message);
  }
}
