package io.paretoprune.experiments.run;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.List;
import java.util.function.Consumer;
import java.util.stream.Stream;

/**
 * The training processes still writing a results folder. {@link ResultsLock} is held by the command
 * (run, pareto), whose lock the operating system drops the moment it is killed; the training
 * processes it started notice within about a second and stop, but until then they still write
 * checkpoints. Each training process therefore holds a shared lock on {@code <runs>/.writers} for
 * its life, and the next command, once it has the folder, waits until no such lock is held before
 * it plans anything: else it could resume a run from a checkpoint an orphan is about to replace, or
 * pack runs that the orphan had left at different epochs.
 */
final class WriterLock {
  static final String FILE = ".writers";

  /** Kept for the JVM's life; the operating system releases the lock when it exits. */
  private static FileLock held;

  private WriterLock() {}

  /** Takes this training process's shared lock on {@code runsDir}'s writers file. */
  static synchronized void holdShared(Path runsDir) {
    if (held != null) {
      return;
    }
    try {
      Files.createDirectories(runsDir);
      FileChannel channel =
          FileChannel.open(
              runsDir.resolve(FILE),
              StandardOpenOption.CREATE,
              StandardOpenOption.READ,
              StandardOpenOption.WRITE);
      held = channel.lock(0, Long.MAX_VALUE, true);
    } catch (IOException e) {
      // A filesystem without locks (some network mounts): the folder lock and Slurm's job ids
      // still guard the folder; only the wait for orphans is lost.
      held = null;
    }
  }

  /**
   * Returns once no training process holds a writers file under {@code resultsDir}; tells {@code
   * notice} once if it has to wait.
   */
  static void awaitNone(Path resultsDir, Consumer<String> notice) {
    if (!Files.isDirectory(resultsDir)) {
      return;
    }
    List<Path> files;
    try (Stream<Path> s = Files.find(resultsDir, 3, (p, a) -> p.endsWith(FILE))) {
      files = s.toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    boolean told = false;
    for (Path f : files) {
      try (FileChannel channel = FileChannel.open(f, StandardOpenOption.WRITE)) {
        long start = System.nanoTime();
        while (true) {
          FileLock probe = channel.tryLock();
          if (probe != null) {
            probe.release();
            break;
          }
          if (!told && System.nanoTime() - start > 500_000_000L) {
            notice.accept(
                f.getParent() + ": waiting for a training process of an earlier command to stop");
            told = true;
          }
          Thread.sleep(100);
        }
      } catch (IOException | OverlappingFileLockException e) {
        // As above without locks; or this JVM trains in the folder itself: nothing to wait for.
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        return;
      }
    }
  }
}
