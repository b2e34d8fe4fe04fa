package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.train.TrainingResult;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Milliseconds per training step of LeNet-5 at batch 64 for plain SGD, SMGD and SMGD with threshold
 * pruning, interleaved over repetitions so machine noise hits all alike, and the PyTorch peer run
 * in the same session. Prints medians and the ratios BENCHMARKS.md records.
 */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description = "ms per LeNet-5 training step (SGD, SMGD, SMGD+pruning) vs the PyTorch peer.")
final class StepBench implements Callable<Integer> {
  @Mixin PeerRaceOptions race;

  @Option(names = "--steps", defaultValue = "300", description = "steps per measurement")
  int steps;

  @Option(names = "--reps", defaultValue = "5", description = "interleaved repetitions")
  int reps;

  @Option(names = "--peer", description = "path of ref_lenet_smgd.py to race (optional)")
  Path peer;

  @Option(
      names = "--profile",
      description =
          "after the repetitions, profile one more SGD run with PyTorch's profiler and write its"
              + " trace (Chrome trace JSON, per-op times) to this file")
  Path profile;

  @Override
  public Integer call() throws Exception {
    EngineSetup.setThreads(race.threads);
    EngineSetup.pytorchOffline();
    Path data = Paths.data();
    DatasetSplits mnist = BenchSetup.mnist(data, steps * 64);
    List<String> variants = List.of("sgd", "smgd", "smgd+prune");
    Map<String, List<Double>> ms = new LinkedHashMap<>();
    variants.forEach(v -> ms.put(v, new ArrayList<>()));
    List<Double> peerSgd = new ArrayList<>();
    List<Double> peerSmgd = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      BenchSetup.train(m, mnist, "smgd", 1, 50, 1); // warm-up: JIT and native kernels
      for (int r = 0; r < reps; r++) {
        for (String v : variants) {
          TrainingResult res = BenchSetup.train(m, mnist, v, 1, steps, 1);
          ms.get(v).add(res.last().seconds() * 1000 / res.last().steps());
        }
        if (peer != null) {
          peerSgd.add(peer(data, "sgd"));
          peerSmgd.add(peer(data, "smgd"));
        }
      }
      if (profile != null) {
        // PyTorch's own autograd profiler, through DJL's JNI: op-level times of our step.
        JniUtils.startProfile(false, false, false);
        BenchSetup.train(m, mnist, "sgd", 1, steps, 1);
        JniUtils.stopProfile(profile.toAbsolutePath().toString());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "LeNet-5, batch 64, %d threads, %d steps x %d reps (median ms/step), allocator: %s%n",
        race.threads,
        steps,
        reps,
        EngineSetup.allocator());
    for (String v : variants) {
      System.out.printf(Locale.ROOT, "  ours %-11s %7.3f  %s%n", v, median(ms.get(v)), ms.get(v));
    }
    double sgd = median(ms.get("sgd"));
    double smgd = median(ms.get("smgd"));
    double pruned = median(ms.get("smgd+prune"));
    System.out.printf(
        Locale.ROOT, "  SMGD / SGD step:               %.3f (target <= 1.10)%n", smgd / sgd);
    System.out.printf(
        Locale.ROOT,
        "  pruning share of an SMGD step:  %.1f%% (target <= 3%%)%n",
        100 * (pruned - smgd) / smgd);
    if (peer != null) {
      System.out.printf(Locale.ROOT, "  peer sgd  %7.3f  %s%n", median(peerSgd), peerSgd);
      System.out.printf(Locale.ROOT, "  peer smgd %7.3f  %s%n", median(peerSmgd), peerSmgd);
      System.out.printf(
          Locale.ROOT, "  ours/peer SGD:  %.3f (target <= 0.45)%n", sgd / median(peerSgd));
      System.out.printf(
          Locale.ROOT, "  ours/peer SMGD: %.3f (target <= 0.45)%n", pruned / median(peerSmgd));
    }
    return 0;
  }

  private double peer(Path data, String mode) throws Exception {
    List<String> lines =
        Peer.run(race.python, peer, data.resolve("mnist"), 1, mode, steps * 64, race.threads);
    Pattern msPerStep = Pattern.compile("\\(([0-9.]+) ms/step\\)");
    Double found = null;
    for (String line : lines) {
      Matcher mt = msPerStep.matcher(line);
      if (mt.find()) {
        found = Double.parseDouble(mt.group(1));
      }
    }
    if (found == null) {
      throw Peer.failed(peer, lines);
    }
    return found;
  }

  static double median(List<Double> xs) {
    double[] a = xs.stream().mapToDouble(Double::doubleValue).sorted().toArray();
    return a.length == 0
        ? Double.NaN
        : a.length % 2 == 1 ? a[a.length / 2] : (a[a.length / 2 - 1] + a[a.length / 2]) / 2;
  }
}
