package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunSpec;
import java.io.IOException;
import java.util.List;

/**
 * Where a suite's planned processes run: each pack (one run, or several trained as one network) is
 * one {@link RunMain} JVM. {@link LocalLauncher} starts them on this machine; {@link SlurmLauncher}
 * submits them as one Slurm job array. The suite runner plans, checks and summarises the same way
 * for both.
 */
interface PackLauncher {
  /**
   * Checks what can be checked before the results folder is touched (that the scheduler would
   * accept the job).
   *
   * @throws io.paretoprune.core.plugin.ConfigException when it would not
   */
  default void check() throws IOException, InterruptedException {}

  /**
   * Trains the packs; returns one outcome per run, or, when the launcher only submitted them
   * ({@link #detached()}), one {@code submitted} outcome per run.
   */
  List<RunOutcome> launch(List<List<RunSpec>> packs, SuiteProgress progress)
      throws IOException, InterruptedException;

  /**
   * Whether {@link #launch} returned before the runs ended (then there is nothing to summarise).
   */
  default boolean detached() {
    return false;
  }
}
