package io.paretoprune.experiments.data;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.experiments.run.RunExecutor;
import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteDataCheck;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A data set of sequences, not images ({@link SignSequences}: no files, no {@code load}), goes
 * through the suite's data check and trains through the run executor, by the data set's own summary
 * and tensors.
 */
class NonImageDataTest {
  @TempDir Path tmp;

  private SuiteSpec suite(int trainLimit, int batch) throws Exception {
    Path file =
        Files.writeString(
            tmp.resolve("seq.yaml"),
            """
            name: seq
            dataset: {name: sign-sequences, train_limit: %d}
            model: {name: mlp, settings: {widths: [16]}}
            objectives:
              - {name: f1, loss: cross_entropy}
              - {name: f2, l1: {on: dense.kernel}}
            optimizers:
              - {label: SMGD, name: smgd, settings: {lr: 0.1}}
            pruning: {name: threshold}
            seeds: [1]
            epochs: 3
            batch_size: %d
            threads_per_run: 1
            """
                .formatted(trainLimit, batch));
    return SuiteLoader.load(file);
  }

  @Test
  void sequencesAreCheckedAndTrainedByTheDataSetsOwnTensors() throws Exception {
    SuiteSpec s = suite(0, 32);
    SuiteDataCheck.check(s, tmp);
    List<RunSpec> runs = RunPlanner.plan(s);
    Path out = tmp.resolve("runs");
    new RunExecutor(tmp, out, "test").execute(runs.get(0), null);
    List<String> lines = Files.readAllLines(out.resolve(runs.get(0).runId()).resolve("epochs.csv"));
    assertEquals(4, lines.size(), String.join("\n", lines));
    List<String> header = List.of(lines.get(0).split(","));
    double accuracy = Double.parseDouble(lines.get(3).split(",")[header.indexOf("test_accuracy")]);
    // The sign of the first feature's mean is linear in the inputs: far above chance (0.5).
    assertTrue(accuracy > 0.8, "test accuracy " + accuracy);
  }

  @Test
  void tooFewSequencesForABatchAreRefusedInOneLineNamingTheSplit() throws Exception {
    SuiteSpec s = suite(16, 32);
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> SuiteDataCheck.check(s, tmp));
    assertTrue(e.getMessage().contains("16 training sequences (train_limit 16)"), e.getMessage());
    assertTrue(e.getMessage().startsWith(tmp.resolve("train").toString()), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), e.getMessage());
  }
}
