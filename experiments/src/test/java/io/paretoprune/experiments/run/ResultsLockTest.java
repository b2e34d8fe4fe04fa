package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** One process per results folder; file locks are per process, so the holder is a child JVM. */
class ResultsLockTest {
  @TempDir Path dir;

  private Process holder() throws Exception {
    Process p =
        new ProcessBuilder(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                LockHolder.class.getName(),
                dir.toString())
            .redirectErrorStream(true)
            .start();
    BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8));
    assertEquals("locked", in.readLine());
    return p;
  }

  @Test
  void aSecondProcessIsRefusedWithTheHoldersPidAndGetsItWhenTheHolderDies() throws Exception {
    Process p = holder();
    try {
      ResultsFolderException e =
          assertThrows(ResultsFolderException.class, () -> ResultsLock.acquire(dir));
      assertTrue(e.getMessage().contains("process " + p.pid()), e.getMessage());
      assertTrue(e.getMessage().startsWith(dir.toString()), e.getMessage());
    } finally {
      p.destroyForcibly();
      assertTrue(p.waitFor(30, TimeUnit.SECONDS));
    }
    // A killed holder leaves no lock behind.
    try (ResultsLock lock = ResultsLock.acquire(dir)) {
      assertEquals(
          String.valueOf(ProcessHandle.current().pid()),
          Files.readString(dir.resolve(ResultsLock.FILE)).strip());
    }
  }

  @Test
  void aSecondLockInTheSameProcessIsRefusedAndTheFirstIsReleasedOnClose() throws Exception {
    try (ResultsLock first = ResultsLock.acquire(dir)) {
      assertThrows(ResultsFolderException.class, () -> ResultsLock.acquire(dir));
    }
    ResultsLock.acquire(dir).close();
  }
}
