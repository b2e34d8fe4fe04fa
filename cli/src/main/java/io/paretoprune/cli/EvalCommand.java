package io.paretoprune.cli;

import io.paretoprune.experiments.run.SavedRun;
import io.paretoprune.experiments.run.SavedRunEvaluation;
import io.paretoprune.models.sparse.CompactExport;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code eval RUN_DIR}: reloads a run's saved model and measures its test accuracy. */
@Command(
    name = "eval",
    mixinStandardHelpOptions = true,
    description =
        "Reload a completed run's saved model (or, with --model, its compacted export) and print"
            + " its test accuracy beside the one the run recorded (they are equal on the run's"
            + " own data).")
public final class EvalCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "e.g. results/quick/runs/SMGD-s1")
  Path runDir;

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
              + " instead of its saved model")
  Path model;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Override
  public Integer call() throws Exception {
    SavedRun run = SavedRun.open(runDir);
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
}
