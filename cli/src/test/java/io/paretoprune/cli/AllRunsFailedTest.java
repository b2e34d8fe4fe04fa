package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite every run of which fails in training (here: a network too large to allocate, which the
 * suite's validation cannot see, since it builds no weights) ends with the failures named and exit
 * 1, not with an error from the report about the empty summary.
 */
class AllRunsFailedTest {
  @TempDir Path tmp;

  @Test
  void aSuiteWithoutAnyResultNamesItsFailuresAndWritesNoReport() throws Exception {
    IdxFiles.writeMnistLayout(
        tmp.resolve("data/mnist"),
        SyntheticData.squares(64, 10, 28, 1),
        SyntheticData.squares(32, 10, 28, 2));
    Path suite =
        Files.writeString(
            tmp.resolve("huge.yaml"),
            """
            name: huge
            dataset: {name: mnist}
            model: {name: mlp, settings: {widths: [100000, 100000]}}
            objectives:
              - {name: f1, loss: cross_entropy}
              - {name: f2, l1: {on: dense.kernel}}
            optimizers:
              - {label: SMGD, name: smgd}
            pruning: {name: threshold}
            seeds: [1]
            epochs: 1
            batch_size: 32
            """);
    CliRun.Outcome o =
        CliRun.run(
            "run",
            suite.toString(),
            "--results",
            tmp.resolve("results").toString(),
            "--data",
            tmp.resolve("data").toString());
    assertEquals(Main.RUN_FAILED, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("SMGD-s1 failed: run failed:"), o.out());
    assertTrue(o.out().contains("can't allocate memory"), o.out());
    assertTrue(o.out().contains("report: none, no run has a result"), o.out());
    assertTrue(o.err().contains("1 run(s) failed, 0 diverged"), o.err());
    assertFalse(o.err().contains("is missing"), o.err());
    assertFalse(Files.exists(tmp.resolve("results/huge/report/index.html")));
  }
}
