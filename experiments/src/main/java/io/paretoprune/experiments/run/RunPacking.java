package io.paretoprune.experiments.run;

import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.Packing;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.seam.ModelPacker;
import io.paretoprune.experiments.suite.ObjectiveFactory;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.optimizers.Optimizers;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Which pending runs train together as one packed network ({@link
 * io.paretoprune.core.train.engine.PackedTrainer}), and how many per process.
 *
 * <p>Runs pack together when they share data set, model, objectives, batch size, epochs, evaluation
 * and thread settings, and resume from the same epoch, and when {@link Packing} says their parts
 * can (a packer, data losses with a per-run form, one parameter group). Any other run trains alone,
 * in a process of its own.
 *
 * <p>{@code auto} chooses the pack size R that minimises the predicted wall time of a group of n
 * runs on P processes: {@code ceil(ceil(n / R) / P) x t(R)} with {@code t(R) = a + b R} the time of
 * one packed step, {@code a} the fixed cost a step pays once (the native calls) and {@code b} the
 * arithmetic per run, as measured by {@code paretoprune bench pack} on LeNet-5 (BENCHMARKS.md); R
 * is capped by the memory a run adds to its process.
 */
public final class RunPacking {
  /**
   * Fixed cost of one packed step in units of one run's share (a / b). Not a fit: a round value
   * chosen near batch 64's measured a / b = 2.4 / 5.5 ms = 0.44 ({@code bench pack}, LeNet-5,
   * MNIST; BENCHMARKS.md); batch 32's is 0.02 / 3.84 ms = 0.005. At this value {@link #auto} packs
   * each process's share of the runs into one pack (20 runs on 2 processes: two packs of 10).
   */
  static final double FIXED_OVER_PER_RUN = 0.5;

  /**
   * Largest pack {@code auto} makes: a packed LeNet-5 run adds about 8 MiB to its process's 400 MiB
   * (BENCHMARKS.md), so this stays far below 2 GiB.
   */
  static final int MAX_AUTO = 32;

  private RunPacking() {}

  /** The packs to launch, largest first; every pending run is in exactly one. */
  public static List<List<RunSpec>> plan(
      List<RunSpec> pending, SuiteSpec suite, int processes, Path runsDir) {
    Map<String, List<RunSpec>> groups = new LinkedHashMap<>();
    List<List<RunSpec>> packs = new ArrayList<>();
    for (RunSpec r : pending) {
      if (suite.pack() == 1 || !packable(r)) {
        packs.add(List.of(r));
      } else {
        groups.computeIfAbsent(key(r, runsDir), k -> new ArrayList<>()).add(r);
      }
    }
    for (List<RunSpec> g : groups.values()) {
      int size = suite.pack() > 0 ? suite.pack() : auto(g.size(), processes);
      int count = (g.size() + size - 1) / size;
      // Near-equal packs: 10 runs in packs of at most 4 make 4+3+3, not 4+4+2.
      for (int i = 0, from = 0; i < count; i++) {
        int to = from + (g.size() - from + (count - i) - 1) / (count - i);
        packs.add(List.copyOf(g.subList(from, to)));
        from = to;
      }
    }
    packs.sort(Comparator.comparingInt((List<RunSpec> p) -> p.size()).reversed());
    return packs;
  }

  /** The pack size with the least predicted wall time for n runs on P processes. */
  static int auto(int n, int processes) {
    int best = 1;
    double bestTime = Double.POSITIVE_INFINITY;
    for (int r = 1; r <= Math.min(n, MAX_AUTO); r++) {
      int packs = (n + r - 1) / r;
      int rounds = (packs + processes - 1) / processes;
      double time = rounds * (FIXED_OVER_PER_RUN + r);
      if (time < bestTime - 1e-9) {
        best = r;
        bestTime = time;
      }
    }
    return best;
  }

  /** Whether this run can train in a pack at all: {@link Packing}'s rule, from its spec. */
  static boolean packable(RunSpec r) {
    try {
      Optional<ModelPacker> packer =
          ModelZoo.load()
              .factory(r.model().name())
              .packer(new PluginSettings(r.model().settings()));
      CombinationPlan plan =
          Optimizers.load()
              .create(
                  r.optimizer().name(),
                  new PluginSettings(r.optimizer().settings()),
                  new TrainingSchedule(r.epochs(), 1),
                  r.objectives().size())
              .plan();
      return Packing.obstacle(packer, ObjectiveFactory.build(r.objectives()), plan).isEmpty();
    } catch (RuntimeException e) {
      return false; // its own process will report what is wrong with it
    }
  }

  private static String key(RunSpec r, Path runsDir) {
    return String.join(
        "|",
        Objects.toString(r.dataset()),
        Objects.toString(r.model()),
        Objects.toString(r.objectives()),
        String.valueOf(r.batchSize()),
        String.valueOf(r.epochs()),
        String.valueOf(r.evalBatchSize()),
        String.valueOf(r.maxStepsPerEpoch()),
        String.valueOf(r.threads()),
        "resume@" + CheckpointFile.epochOf(runsDir, r.runId(), r.configHash()));
  }
}
