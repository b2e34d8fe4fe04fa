package io.paretoprune.cli;

import io.paretoprune.core.task.ExampleKind;
import io.paretoprune.experiments.run.SavedRun;
import io.paretoprune.experiments.run.SavedRunEvaluation;
import io.paretoprune.experiments.run.SavedRunSplits;
import io.paretoprune.experiments.run.TaskFile;
import io.paretoprune.models.sparse.CompactExport;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code eval RUN_DIR...}: reloads runs' saved models and measures them as training did: an image
 * run's test accuracy; any other run's figures on every test split its data set has, and with
 * {@code --record} those of splits newer than the run written into it.
 */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Reload completed runs' saved models (or, with --model, a compacted export) and print"
            + " an image run's test accuracy, or any other run's figures on every test split of"
            + " its data set, beside what the run recorded at its last epoch (they are equal on"
            + " the run's own data).")
public final class EvalCommand implements Callable<Integer> {
  @Parameters(
      paramLabel = "RUN_DIR",
      arity = "1..*",
      description = "e.g. results/quick/runs/SMGD-s1")
  List<Path> runDirs;

  @Option(
      names = "--record",
      description =
          "write the figures of test splits a run was not tested on (added to its data set"
              + " after it trained) into its last epoch's row of epochs.csv and its manifest;"
              + " its earlier epochs stay empty. The next run or report of the suite uses them")
  boolean record;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "test on this data set's full test split instead of the run's own")
  String dataset;

  @Option(
      names = "--model",
      paramLabel = "DIR",
      description =
          "test this compacted export of the run (export --format compact, e.g. RUN_DIR/compact)"
              + " instead of its saved model: an image run's accuracy, or any other run's metrics"
              + " on every test split, compared with the recorded ones (its objectives are its"
              + " own and are printed only)")
  Path model;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Override
  public Integer call() throws Exception {
    int exit = 0;
    for (Path runDir : runDirs) {
      exit = Math.max(exit, evaluate(runDir));
    }
    return exit;
  }

  private int evaluate(Path runDir) throws Exception {
    SavedRun run = SavedRun.open(runDir);
    boolean images = TaskFile.of(run.spec()).examples() == ExampleKind.IMAGES;
    if (record && (dataset != null || model != null)) {
      throw new UserInputException(
          runDir
              + ": --record writes the saved model's figures on the run's own test splits; it"
              + " takes neither --dataset nor --model");
    }
    if (!images || record) {
      if (dataset != null) {
        throw new UserInputException(
            runDir
                + ": --dataset tests an image run's accuracy on another data set; this run's task"
                + " evaluates its own test splits");
      }
      if (model != null) {
        CompactExport.readManifest(model); // a wrong folder is one line before any data is read
      }
      return everySplit(run);
    }
    if (model != null) {
      CompactExport.readManifest(model); // a wrong folder is one line before any data is read
    }
    SavedRunEvaluation.Result r =
        SavedRunEvaluation.evaluate(run, dataset, Paths.data(data), model);
    System.out.printf(
        "%s: test accuracy %s on %d %s test images%n",
        run.runId() + (model == null ? "" : " compacted"),
        r.testAccuracy(),
        r.examples(),
        r.dataset());
    if (!r.dataset().equals(run.spec().dataset().name())
        || Double.isNaN(run.recordedTestAccuracy())) {
      return 0; // nothing recorded to compare with
    }
    boolean equal = r.testAccuracy() == run.recordedTestAccuracy();
    System.out.printf(
        "%s: recorded at the end of training %s (%s)%n",
        run.runId(), run.recordedTestAccuracy(), equal ? "equal" : "DIFFERENT");
    if (!equal) {
      System.err.println(
          "paretoprune: the reloaded model's accuracy differs from the recorded one; "
              + "the model file or the data changed since the run");
      return Main.RUN_FAILED;
    }
    return 0;
  }

  /** Every test split's figures beside the recorded ones; with --record, the missing ones kept. */
  private int everySplit(SavedRun run) throws Exception {
    List<SavedRunSplits.Split> splits = SavedRunSplits.evaluate(run, Paths.data(data), model);
    // A compacted export predicts what the saved model predicts: its task metrics are compared;
    // its objectives are its own (the penalties of a smaller network, the data loss up to the
    // float rounding of the folded biases), printed, not compared.
    List<String> metrics = TaskFile.of(run.spec()).metrics().stream().map(m -> m.name()).toList();
    int compared = model == null ? Integer.MAX_VALUE : metrics.size();
    String label = run.runId() + (model == null ? "" : " compacted");
    String different = null;
    for (SavedRunSplits.Split s : splits) {
      StringBuilder line = new StringBuilder(label + " " + s.name() + ":");
      for (int i = 0; i < s.columns().size(); i++) {
        String c = s.columns().get(i);
        line.append(' ')
            .append(c.substring(c.lastIndexOf('_') + 1))
            .append(' ')
            .append(String.format(Locale.ROOT, "%.6g", s.evaluated()[i]));
      }
      line.append(" on ").append(s.examples()).append(" examples; ");
      String diff = s.firstDifference(Math.min(compared, s.columns().size()));
      if (!s.recordedByRun()) {
        line.append("not recorded by the run (the split is newer than the run)");
      } else if (diff == null && model != null) {
        line.append("recorded at the last epoch: ")
            .append(String.join(", ", metrics))
            .append(" equal (the objectives are the compacted network's, not compared)");
      } else if (diff == null) {
        line.append("recorded at the last epoch: equal");
      } else {
        line.append("recorded at the last epoch: DIFFERENT in ").append(diff);
        different = different == null ? diff : different;
      }
      System.out.println(line);
    }
    if (different != null) {
      System.err.println(
          "paretoprune: "
              + run.runId()
              + (model == null ? ": the reloaded model's " : ": the compacted export's ")
              + different
              + " differs from the recorded one; "
              + (model == null
                  ? "the model file or the data changed since the run"
                  : "it does not predict what the run's model predicts, or the data changed"));
      return Main.RUN_FAILED;
    }
    if (record) {
      List<String> written = SavedRunSplits.recordMissing(run, splits);
      System.out.println(
          written.isEmpty()
              ? run.runId() + ": every test split was recorded by the run; nothing to write"
              : run.runId()
                  + ": wrote "
                  + String.join(", ", written)
                  + " into the last epoch of epochs.csv and into manifest.json (lateTestSplits)");
    }
    return 0;
  }
}
