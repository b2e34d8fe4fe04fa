package io.paretoprune.experiments.run;

import io.paretoprune.core.io.AtomicFiles;
import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.BasicFileAttributes;
import java.util.Set;

/**
 * The record of a results folder, small enough to commit: the suite, the complete runs' manifests
 * and per-epoch tables, the summary, statistics and Pareto tables, without what can be rebuilt (the
 * report) or belongs to one machine (locks, checkpoints, temporary runs, Slurm logs). Copied back
 * under {@code results/}, {@code run} counts the archived runs as done (their manifests carry the
 * config hash) and {@code report} redraws the figures, so a suite that outlasts one machine
 * continues on the next.
 *
 * <p>The saved weights ({@code model.params}, {@code model.json}) are left out unless asked for:
 * {@code eval}, {@code export} and {@code bench infer} need them, summaries and reports do not.
 */
public final class ResultsArchive {
  /** Folders that are derived (report, exports) or local to one machine (slurm). */
  private static final Set<String> SKIPPED_DIRS = Set.of("report", "slurm", "csr", "compact");

  private static final Set<String> MODEL_FILES = Set.of("model.params", "model.json");

  /** What one archive wrote. */
  public record Copied(Path target, int runs, int files, long bytes) {}

  private ResultsArchive() {}

  /**
   * Copies the record of {@code resultsDir} to {@code destRoot/<folder name>}, replacing an earlier
   * archive there. Safe while a suite is writing the folder: runs become complete by an atomic
   * rename, and an incomplete run (no manifest) is left out.
   */
  public static Copied write(Path resultsDir, Path destRoot, boolean withModels)
      throws IOException {
    Path source = resultsDir.toAbsolutePath().normalize();
    Path target = destRoot.toAbsolutePath().normalize().resolve(source.getFileName());
    if (target.startsWith(source) || source.startsWith(target)) {
      throw new IllegalArgumentException(
          target + ": the archive cannot be inside the results folder or contain it");
    }
    Files.createDirectories(target.getParent());
    Path tmp = Files.createTempDirectory(target.getParent(), "." + source.getFileName() + ".");
    int[] runs = {0};
    int[] files = {0};
    long[] bytes = {0};
    try {
      Files.walkFileTree(
          source,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes a)
                throws IOException {
              if (dir.equals(source)) {
                return FileVisitResult.CONTINUE;
              }
              String name = dir.getFileName().toString();
              if (name.startsWith(".") || SKIPPED_DIRS.contains(name)) {
                return FileVisitResult.SKIP_SUBTREE;
              }
              if (isRunsFolder(dir.getParent())) {
                if (!Files.isRegularFile(dir.resolve("manifest.json"))) {
                  return FileVisitResult.SKIP_SUBTREE; // not complete
                }
                runs[0]++;
              }
              Files.createDirectories(tmp.resolve(source.relativize(dir).toString()));
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes a) throws IOException {
              String name = file.getFileName().toString();
              if (name.startsWith(".") || !a.isRegularFile() || !kept(name, withModels)) {
                return FileVisitResult.CONTINUE;
              }
              Files.copy(
                  file,
                  tmp.resolve(source.relativize(file).toString()),
                  StandardCopyOption.COPY_ATTRIBUTES);
              files[0]++;
              bytes[0] += a.size();
              return FileVisitResult.CONTINUE;
            }
          });
      RunDirectory.deleteTree(target);
      AtomicFiles.moveIntoPlace(tmp, target);
    } finally {
      RunDirectory.deleteTree(tmp);
    }
    return new Copied(target, runs[0], files[0], bytes[0]);
  }

  private static boolean isRunsFolder(Path dir) {
    return dir != null && dir.getFileName() != null && dir.getFileName().toString().equals("runs");
  }

  private static boolean kept(String name, boolean withModels) {
    if (MODEL_FILES.contains(name)) {
      return withModels;
    }
    return name.endsWith(".csv") || name.endsWith(".json") || name.endsWith(".yaml");
  }
}
