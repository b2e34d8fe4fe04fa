package io.paretoprune.experiments.run;

import io.paretoprune.experiments.suite.RunSpec;
import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/** Packs as child JVMs on this machine ({@link RunLauncher}), {@code parallel} at a time. */
final class LocalLauncher implements PackLauncher {
  private final RunLauncher launcher;
  private final int parallel;

  LocalLauncher(RunLauncher launcher, int parallel) {
    this.launcher = launcher;
    this.parallel = parallel;
  }

  @Override
  public List<RunOutcome> launch(List<List<RunSpec>> packs, SuiteProgress progress)
      throws IOException, InterruptedException {
    List<RunOutcome> outcomes = new ArrayList<>();
    ExecutorService pool = Executors.newFixedThreadPool(parallel);
    try {
      List<Future<List<RunOutcome>>> futures = new ArrayList<>();
      for (List<RunSpec> p : packs) {
        futures.add(pool.submit(() -> launcher.launch(p, progress)));
      }
      for (Future<List<RunOutcome>> f : futures) {
        try {
          outcomes.addAll(f.get());
        } catch (ExecutionException e) {
          throw new IOException("run launcher failed: " + e.getCause(), e.getCause());
        }
      }
    } finally {
      pool.shutdownNow();
    }
    return outcomes;
  }
}
