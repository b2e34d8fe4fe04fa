package io.paretoprune.experiments.run;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;

/**
 * One process per results folder: an exclusive lock on {@code <results>/.lock}, holding the
 * holder's pid. The operating system drops the lock when the holder dies, however it dies, so a
 * killed suite never leaves the folder locked; whatever a dead holder left behind is cleaned up by
 * the next holder, under the lock. A folder whose recorded Slurm job array ({@link SlurmJob}) is
 * still queued is refused too: its tasks write it from other hosts.
 */
public final class ResultsLock implements AutoCloseable {
  static final String FILE = ".lock";

  private final FileChannel channel;
  private final FileLock lock;

  private ResultsLock(FileChannel channel, FileLock lock) {
    this.channel = channel;
    this.lock = lock;
  }

  /**
   * Locks {@code resultsDir} (created if absent) for this process.
   *
   * @throws ResultsFolderException naming the holder's pid when another process has it
   */
  public static ResultsLock acquire(Path resultsDir) throws IOException {
    return acquire(resultsDir, true);
  }

  /**
   * Locks {@code resultsDir} on this host although its Slurm job array is still queued: for the one
   * process that waits for that array ({@code status --wait}).
   */
  static ResultsLock acquireWhileQueued(Path resultsDir) throws IOException {
    return acquire(resultsDir, false);
  }

  private static ResultsLock acquire(Path resultsDir, boolean refuseQueuedJob) throws IOException {
    Files.createDirectories(resultsDir);
    Path file = resultsDir.resolve(FILE);
    FileChannel channel =
        FileChannel.open(
            file, StandardOpenOption.CREATE, StandardOpenOption.READ, StandardOpenOption.WRITE);
    FileLock lock;
    try {
      lock = channel.tryLock();
    } catch (OverlappingFileLockException e) {
      lock = null; // this JVM holds it already (a second command in the same process)
    }
    if (lock == null) {
      channel.close();
      throw new ResultsFolderException(
          resultsDir
              + ": in use by process "
              + holder(file)
              + " (another run or pareto on this results folder); wait for it to end or use"
              + " another --results");
    }
    try {
      if (refuseQueuedJob) {
        SlurmJob.refuseIfActive(resultsDir);
        // Not while an array is queued: its tasks on this host hold the writers' lock meanwhile.
        WriterLock.awaitNone(resultsDir, System.err::println);
      }
    } catch (IOException | RuntimeException e) {
      lock.release();
      channel.close();
      throw e;
    }
    channel.truncate(0);
    channel.write(
        ByteBuffer.wrap((ProcessHandle.current().pid() + "\n").getBytes(StandardCharsets.US_ASCII)),
        0);
    channel.force(false);
    return new ResultsLock(channel, lock);
  }

  /** The pid the holder wrote, or "unknown" when it has not written it yet. */
  private static String holder(Path file) {
    try {
      String pid = Files.readString(file, StandardCharsets.US_ASCII).strip();
      return pid.matches("[0-9]+") ? pid : "unknown";
    } catch (IOException e) {
      return "unknown";
    }
  }

  @Override
  public void close() throws IOException {
    try {
      lock.release();
    } finally {
      channel.close();
    }
  }
}
