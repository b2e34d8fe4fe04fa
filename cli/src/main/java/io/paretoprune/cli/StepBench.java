package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import ai.djl.pytorch.jni.JniUtils;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.train.result.TrainingResult;
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
 * Milliseconds per training step of LeNet-5 (batch 64 unless {@code --batch}) for plain SGD, SMGD
 * and SMGD with threshold pruning, interleaved over repetitions so machine noise hits all alike,
 * and the PyTorch peer run in the same session; or, with {@code --combiners}, plain SGD against
 * each named combiner with step sgd. Prints medians and the ratios BENCHMARKS.md records.
 */
@Command(
    name = "step",
    mixinStandardHelpOptions = true,
    description =
        "ms per LeNet-5 training step (SGD, SMGD, SMGD+pruning) vs the PyTorch peer, or SGD vs"
            + " --combiners.")
final class StepBench implements Callable<Integer> {
  @Mixin PeerRaceOptions race;

  @Option(names = "--steps", defaultValue = "300", description = "steps per measurement")
  int steps;

  @Option(names = "--reps", defaultValue = "5", description = "interleaved repetitions")
  int reps;

  @Option(
      names = "--combiners",
      split = ",",
      description =
          "instead of SMGD: time these combiners (with step sgd, momentum 0.9, their defaults)"
              + " against plain SGD, e.g. pcgrad,cagrad,nashmtl,imtlg,min-norm:l2"
              + " (NAME or min-norm:NORMALIZE)")
  List<String> combiners;

  @Option(names = "--batch", defaultValue = "64", description = "batch size (default 64)")
  int batch;

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
    DatasetSplits mnist = BenchSetup.mnist(data, steps * batch);
    List<String> variants = new ArrayList<>(List.of("sgd"));
    if (combiners == null || combiners.isEmpty()) {
      variants.addAll(List.of("smgd", "smgd+prune"));
    } else {
      combiners.forEach(c -> variants.add("combiner:" + c));
      if (peer != null) {
        throw new UserInputException("bench step: --peer races SMGD; leave out --combiners");
      }
    }
    Map<String, List<Double>> ms = new LinkedHashMap<>();
    variants.forEach(v -> ms.put(v, new ArrayList<>()));
    List<Double> peerSgd = new ArrayList<>();
    List<Double> peerSmgd = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      for (String v : variants) { // warm-up: JIT, native kernels, each combiner's classes
        BenchSetup.train(m, mnist, v, 1, v.startsWith("combiner:") ? 10 : 50, 1, batch);
      }
      for (int r = 0; r < reps; r++) {
        for (String v : variants) {
          TrainingResult res = BenchSetup.train(m, mnist, v, 1, steps, 1, batch);
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
        BenchSetup.train(m, mnist, "sgd", 1, steps, 1, batch);
        JniUtils.stopProfile(profile.toAbsolutePath().toString());
      }
    }
    System.out.printf(
        Locale.ROOT,
        "LeNet-5, batch %d, %d threads, %d steps x %d reps (median ms/step), allocator: %s%n",
        batch,
        race.threads,
        steps,
        reps,
        EngineSetup.allocator());
    for (String v : variants) {
      System.out.printf(Locale.ROOT, "  ours %-11s %7.3f  %s%n", v, median(ms.get(v)), ms.get(v));
    }
    double sgd = median(ms.get("sgd"));
    if (combiners != null && !combiners.isEmpty()) {
      for (String v : variants.subList(1, variants.size())) {
        List<Double> perRep = new ArrayList<>();
        for (int r = 0; r < reps; r++) {
          perRep.add(ms.get(v).get(r) / ms.get("sgd").get(r));
        }
        double lo = perRep.stream().mapToDouble(Double::doubleValue).min().orElse(Double.NaN);
        double hi = perRep.stream().mapToDouble(Double::doubleValue).max().orElse(Double.NaN);
        System.out.printf(
            Locale.ROOT,
            "  %-24s / SGD step: %.3f (per repetition %.3f .. %.3f; target <= 1.15)%n",
            v.substring("combiner:".length()),
            median(ms.get(v)) / sgd,
            lo,
            hi);
      }
      // The rule's own arithmetic, free of the step's noise: every adaptive combiner shares the
      // Gram matrix and the direction, so what differs between them is the weights() call.
      double[][] gram = {{0.04, -0.03}, {-0.03, 25000.0}};
      double[] losses = {0.3, 9000.0};
      System.out.println(
          "  weights() alone on a LeNet-like Gram matrix (k = 2), median of 5 x 20000:");
      for (String v : variants.subList(1, variants.size())) {
        io.paretoprune.core.train.seam.GradientCombiner c = combiner(v);
        List<Double> us = new ArrayList<>();
        for (int r = 0; r < 5; r++) {
          long t0 = System.nanoTime();
          for (int i = 0; i < 20000; i++) {
            c.weights(new io.paretoprune.core.train.seam.CombinerInput(gram, losses, i + 1, 1));
          }
          us.add((System.nanoTime() - t0) / 1e3 / 20000);
        }
        System.out.printf(
            Locale.ROOT,
            "  %-24s %8.2f us/call = %.4f of the SGD step%n",
            v.substring("combiner:".length()),
            median(us),
            median(us) / 1000 / sgd);
      }
      return 0;
    }
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

  private static io.paretoprune.core.train.seam.GradientCombiner combiner(String variant) {
    java.util.Map.Entry<String, java.util.Map<String, Object>> o = BenchSetup.optimizer(variant);
    return io.paretoprune.optimizers.Optimizers.load()
        .create(
            o.getKey(),
            new io.paretoprune.core.plugin.PluginSettings(o.getValue()),
            new io.paretoprune.core.train.TrainingSchedule(1, 100),
            2)
        .plan()
        .groups()
        .get(0)
        .combiner();
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
