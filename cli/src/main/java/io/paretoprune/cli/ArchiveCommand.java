package io.paretoprune.cli;

import io.paretoprune.experiments.run.ResultsArchive;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code archive RESULTS_DIR... --to DIR [--with-models]}: the text record of results folders, to
 * keep (commit) where the folder itself does not survive, and to continue from on another machine.
 */
@Command(
    name = "archive",
    mixinStandardHelpOptions = true,
    description = {
      "Copy the record of each results folder to DIR/<folder name>, replacing an earlier archive"
          + " there: suite.yaml, task.json, summary, aggregate and statistics tables, the Pareto"
          + " search's tables, and every complete run's manifest.json, epochs.csv, layers.csv and"
          + " run-spec.json. Left out: the report (`report` redraws it), incomplete runs and their"
          + " checkpoints, locks, Slurm files, exports, and the saved weights unless --with-models.",
      "Copied back under results/, the archived runs count as done: `run` on the same suite runs"
          + " only the others, `report` redraws the figures."
    })
public final class ArchiveCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RESULTS_DIR", arity = "1..*", description = "e.g. results/paper-mnist")
  Path[] dirs;

  @Option(
      names = "--to",
      required = true,
      paramLabel = "DIR",
      description = "where the archives go, e.g. results-archive")
  Path to;

  @Option(
      names = "--with-models",
      description = "also copy each run's saved weights (model.params, model.json)")
  boolean withModels;

  @Override
  public Integer call() throws Exception {
    for (Path dir : dirs) {
      if (!Files.isDirectory(dir.resolve("runs")) && !Files.isDirectory(dir.resolve("pareto"))) {
        throw new UserInputException(dir + ": not a results folder (no runs/ or pareto/ in it)");
      }
    }
    for (Path dir : dirs) {
      ResultsArchive.Copied c;
      try {
        c = ResultsArchive.write(dir, to, withModels);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(e.getMessage());
      }
      System.out.printf(
          "archive: %s -> %s (%d complete runs, %d files, %.1f MB)%n",
          dir, c.target(), c.runs(), c.files(), c.bytes() / 1e6);
    }
    return 0;
  }
}
