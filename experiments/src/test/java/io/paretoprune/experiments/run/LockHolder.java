package io.paretoprune.experiments.run;

import java.nio.file.Path;

/** A second process for lock tests: locks the folder in args[0], says so, waits to be killed. */
public final class LockHolder {
  private LockHolder() {}

  public static void main(String[] args) throws Exception {
    try (ResultsLock lock = ResultsLock.acquire(Path.of(args[0]))) {
      System.out.println("locked");
      System.out.flush();
      Thread.sleep(60_000);
    }
  }
}
