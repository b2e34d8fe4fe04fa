package io.paretoprune.cli;

import io.paretoprune.experiments.run.SavedRun;
import io.paretoprune.experiments.run.SavedRunEvaluation;
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
        "Reload a completed run's saved model and print its test accuracy beside the one the run"
            + " recorded (they are equal on the run's own data).")
public final class EvalCommand implements Callable<Integer> {
  @Parameters(paramLabel = "RUN_DIR", description = "e.g. results/quick/runs/SMGD-s1")
  Path runDir;

  @Option(
      names = "--dataset",
      paramLabel = "NAME",
      description = "test on this data set's full test split instead of the run's own")
  String dataset;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Override
  public Integer call() throws Exception {
    SavedRun run = SavedRun.open(runDir);
    SavedRunEvaluation.Result r = SavedRunEvaluation.evaluate(run, dataset, Paths.data(data));
    System.out.printf(
        "%s: test accuracy %s on %d %s test images%n",
        run.runId(), r.testAccuracy(), r.examples(), r.dataset());
    if (!r.dataset().equals(run.spec().dataset().name())) {
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
