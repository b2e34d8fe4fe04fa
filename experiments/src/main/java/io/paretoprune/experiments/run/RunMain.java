package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginPath;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.experiments.suite.RunSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Entry point of a run's own JVM: {@code RunMain RUN_SPEC_JSON DATA_DIR RUNS_DIR GIT_COMMIT}, where
 * the file holds one run spec or a JSON array of the specs of a pack.
 *
 * <p>One JVM per run because DJL's PyTorch engine allows one gradient collector per JVM. It prints
 * a line {@code @epoch <run id> <epoch> <primary test metric> <dense nonzeros>} per epoch and run
 * for the suite runner, exits 0 when the run completed or diverged (both are results), 2 on a
 * user's mistake, 1 on any other failure, and stops when its parent dies so a killed suite leaves
 * no orphan training.
 */
public final class RunMain {
  private RunMain() {}

  public static void main(String[] args) {
    if (args.length != 4) {
      System.err.println("usage: RunMain RUN_SPEC_JSON DATA_DIR RUNS_DIR GIT_COMMIT");
      System.exit(2);
    }
    watchParent();
    WriterLock.holdShared(Path.of(args[2]));
    try {
      // The parent's plug-in jars, checked again: a jar could have changed since it started.
      PluginPath.fromSystemProperty().install();
      List<RunSpec> specs = specs(Files.readString(Path.of(args[0])));
      RunExecutor executor = new RunExecutor(Path.of(args[1]), Path.of(args[2]), args[3]);
      List<TrainingResult> results = executor.execute(specs, ProgressPrinter::new);
      for (int i = 0; i < specs.size(); i++) {
        TrainingResult r = results.get(i);
        System.out.println(
            "@done "
                + specs.get(i).runId()
                + " "
                + r.status().name().toLowerCase(Locale.ROOT)
                + " "
                + r.divergedAtEpoch());
      }
      System.exit(0);
    } catch (ConfigException e) {
      System.err.println(e.getMessage());
      System.exit(2);
    } catch (Exception e) {
      System.err.println("run failed: " + e);
      e.printStackTrace(System.err);
      System.exit(1);
    }
  }

  private static void watchParent() {
    ProcessHandle.current()
        .parent()
        .ifPresent(
            parent -> {
              Thread t =
                  new Thread(
                      () -> {
                        while (true) {
                          if (!parent.isAlive()) {
                            Runtime.getRuntime().halt(3);
                          }
                          try {
                            Thread.sleep(1000);
                          } catch (InterruptedException e) {
                            return;
                          }
                        }
                      },
                      "parent-watch");
              t.setDaemon(true);
              t.start();
            });
  }

  /** One run spec, or a JSON array of them (a pack). */
  static List<RunSpec> specs(String json) {
    if (!json.stripLeading().startsWith("[")) {
      return List.of(RunSpec.fromJson(json));
    }
    try {
      List<RunSpec> out = new ArrayList<>();
      for (JsonNode n : new ObjectMapper().readTree(json)) {
        out.add(RunSpec.fromJson(n.toString()));
      }
      return out;
    } catch (IOException e) {
      throw new IllegalArgumentException("not a list of run specs: " + e.getMessage(), e);
    }
  }

  /** Progress for the parent: one short line per epoch and run. */
  static final class ProgressPrinter implements TrainingListener {
    private final String runId;

    ProgressPrinter(RunSpec spec) {
      this.runId = spec.runId();
    }

    @Override
    public void onEpoch(EpochMetrics m) {
      synchronized (System.out) {
        System.out.printf(
            Locale.ROOT,
            "@epoch %s %d %.4f %d%n",
            runId,
            m.epoch(),
            m.testMetrics().values().iterator().next(),
            m.denseNonzeros());
      }
    }
  }
}
