package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A command waits for training processes of an earlier command that still hold the writers' lock
 * (another process: the lock is POSIX's, which python's {@code fcntl.lockf} takes too).
 */
class WriterLockTest {
  @TempDir Path results;

  @Test
  void aCommandWaitsUntilAnOrphanedWriterHasStopped() throws Exception {
    Assumptions.assumeTrue(Files.isExecutable(Path.of("/usr/bin/python3")), "no python3");
    Path runs = results.resolve("runs");
    Files.createDirectories(runs);
    Path lockFile = runs.resolve(WriterLock.FILE);
    Path held = results.resolve("held");
    Path released = results.resolve("released");
    String script =
        "import fcntl, time, pathlib\n"
            + "f = open('%s', 'a+')\n".formatted(lockFile)
            + "fcntl.lockf(f, fcntl.LOCK_SH)\n"
            + "pathlib.Path('%s').touch()\n".formatted(held)
            + "time.sleep(1.5)\n"
            + "pathlib.Path('%s').touch()\n".formatted(released);
    Process orphan = new ProcessBuilder("/usr/bin/python3", "-c", script).start();
    try {
      long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
      while (!Files.exists(held) && System.nanoTime() < deadline) {
        Thread.sleep(20);
      }
      assertTrue(Files.exists(held), "the writer never took its lock");
      List<String> notices = new ArrayList<>();
      WriterLock.awaitNone(results, notices::add);
      assertTrue(Files.exists(released), "returned while the writer still held its lock");
      assertEquals(1, notices.size(), notices.toString());
      assertTrue(notices.get(0).startsWith(runs.toString()), notices.get(0));
    } finally {
      orphan.destroyForcibly().waitFor();
    }
  }

  @Test
  void aWritersFileNoProcessHoldsMeansNoWait() throws Exception {
    Files.createDirectories(results.resolve("runs"));
    Files.writeString(results.resolve("runs").resolve(WriterLock.FILE), "");
    List<String> notices = new ArrayList<>();
    WriterLock.awaitNone(results, notices::add);
    assertTrue(notices.isEmpty(), notices.toString());
  }
}
