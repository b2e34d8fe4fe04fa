package io.paretoprune.experiments.run;

import io.paretoprune.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Comparator;
import java.util.stream.Stream;

/**
 * The atomic life of a run directory: results go to {@code runs/.<id>.tmp-<pid>} and are renamed to
 * {@code runs/<id>} when complete, so a directory under its final name is always complete and a
 * half-written one is recognisable and removed on resume.
 */
public final class RunDirectory {
  private static final String TMP = ".tmp-";

  private RunDirectory() {}

  public static Path finalDir(Path runs, String runId) {
    return runs.resolve(runId);
  }

  public static boolean isComplete(Path runs, String runId) {
    Path d = finalDir(runs, runId);
    return Files.isRegularFile(d.resolve("manifest.json"));
  }

  public static Path newTemp(Path runs, String runId) throws IOException {
    Files.createDirectories(runs);
    Path tmp = runs.resolve("." + runId + TMP + ProcessHandle.current().pid());
    deleteTree(tmp);
    Files.createDirectories(tmp);
    return tmp;
  }

  /** Renames a finished temporary directory to its final name. */
  public static Path commit(Path tmp, Path runs, String runId) throws IOException {
    Path target = finalDir(runs, runId);
    deleteTree(target);
    return AtomicFiles.moveIntoPlace(tmp, target);
  }

  /**
   * Removes temporary directories a killed run left behind; returns how many. Call it holding the
   * results folder's {@link ResultsLock}. A temporary directory whose writer (the pid in its name)
   * is another live process is left alone: a run whose suite was just killed may still be finishing
   * it (it stops within a second), and deleting under its feet would lose its result.
   */
  public static int removeStale(Path runs) throws IOException {
    if (!Files.isDirectory(runs)) {
      return 0;
    }
    int n = 0;
    try (DirectoryStream<Path> s = Files.newDirectoryStream(runs, "." + "*" + TMP + "*")) {
      for (Path p : s) {
        if (!writtenByAnotherLiveProcess(p)) {
          deleteTree(p);
          n++;
        }
      }
    }
    // A directory under a final name without a manifest cannot come from this code, but a user
    // may have copied one by hand: it is not complete, so it is removed and redone.
    try (DirectoryStream<Path> s = Files.newDirectoryStream(runs)) {
      for (Path p : s) {
        if (Files.isDirectory(p)
            && !p.getFileName().toString().startsWith(".")
            && !Files.isRegularFile(p.resolve("manifest.json"))) {
          deleteTree(p);
          n++;
        }
      }
    }
    return n;
  }

  private static boolean writtenByAnotherLiveProcess(Path tmp) {
    String name = tmp.getFileName().toString();
    String pid = name.substring(name.lastIndexOf(TMP) + TMP.length());
    if (!pid.matches("[0-9]{1,18}")) {
      return false;
    }
    long p = Long.parseLong(pid);
    return p != ProcessHandle.current().pid()
        && ProcessHandle.of(p).map(ProcessHandle::isAlive).orElse(false);
  }

  /** Deletes {@code p} and everything under it; nothing when it does not exist. */
  public static void deleteTree(Path p) throws IOException {
    if (!Files.exists(p)) {
      return;
    }
    try (Stream<Path> walk = Files.walk(p)) {
      for (Path q : walk.sorted(Comparator.reverseOrder()).toList()) {
        Files.delete(q);
      }
    }
  }
}
