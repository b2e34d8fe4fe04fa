package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.L2Penalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.engine.PackedTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.pruning.PruningStrategies;
import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Aggregate training throughput of R LeNet-5 SMGD runs (the paper suite's settings: batch 32 or 64,
 * lr 0.01, momentum 0.9, logistic x inverse-time schedule, threshold pruning after every batch)
 * packed into one network per process, beside the PyTorch peer running the same R runs two at a
 * time, measured in one session. Each measurement runs in fresh processes, one thread each, two at
 * a time as the suite runner does: ours as two packs of R/2 runs, the peer as R processes two at a
 * time. Throughput counts steps of the measured (second) epoch; evaluation is excluded.
 */
@Command(
    name = "pack",
    mixinStandardHelpOptions = true,
    description =
        "Steps per second of R LeNet-5 SMGD runs packed into one network per process (two"
            + " processes), against the PyTorch peer running the same R runs two at a time.")
final class PackBench implements Callable<Integer> {
  @Option(
      names = "--runs",
      split = ",",
      defaultValue = "1,2,5,10,20",
      description = "values of R (default 1,2,5,10,20)")
  List<Integer> runs;

  @Option(
      names = "--batch",
      split = ",",
      defaultValue = "32,64",
      description = "batch sizes (default 32,64)")
  List<Integer> batches;

  @Option(names = "--steps", defaultValue = "300", description = "steps per epoch (default 300)")
  int steps;

  @Option(
      names = "--processes",
      defaultValue = "2",
      description = "processes at once, one thread each (default 2)")
  int processes;

  @Option(names = "--peer", description = "path of ref_lenet_smgd.py to race (optional)")
  Path peer;

  @Option(names = "--python", defaultValue = "/usr/bin/python3", description = "python with torch")
  String python;

  @Option(
      names = "--child",
      hidden = true,
      description = "internal: train one pack of this many runs and print its timing")
  int child;

  @Option(names = "--seed", hidden = true, defaultValue = "1")
  long seed;

  @Option(names = "--epochs", defaultValue = "2", description = "epochs per measurement (2)")
  int epochs;

  @Option(
      names = "--profile",
      description =
          "train one pack of the first --runs value in this process under PyTorch's profiler and"
              + " write its trace (chrome://tracing JSON; scripts/trace-summary.py reads it)")
  Path profile;

  private static final Pattern OURS =
      Pattern.compile("@pack (\\d+) epoch (\\d+) seconds ([0-9.]+) rss_kb (\\d+)");
  private static final Pattern PEER = Pattern.compile("epoch (\\d+): ([0-9.]+)s ");

  @Override
  public Integer call() throws Exception {
    if (child > 0) {
      return trainPack();
    }
    if (profile != null) {
      child = runs.get(0);
      EngineSetup.setThreads(1);
      EngineSetup.pytorchOffline();
      ai.djl.engine.Engine.getEngine("PyTorch");
      ai.djl.pytorch.jni.JniUtils.startProfile(false, false, false);
      trainPack();
      ai.djl.pytorch.jni.JniUtils.stopProfile(profile.toAbsolutePath().toString());
      System.out.println("trace of a pack of " + child + " runs: " + profile);
      return 0;
    }
    System.out.printf(
        Locale.ROOT,
        "pack bench: %d steps per epoch, epoch 2 measured, %d processes of 1 thread%n",
        steps,
        processes);
    System.out.println(
        "batch  R  ours steps/s  peer steps/s  ours/peer  step ms per pack  RSS per process MiB");
    for (int batch : batches) {
      for (int r : runs) {
        Measured ours = ours(r, batch);
        double peerRate = peer == null ? Double.NaN : peer(r, batch);
        System.out.printf(
            Locale.ROOT,
            "%5d %2d %13.0f %13.0f %10.2f %17.2f %20d%n",
            batch,
            r,
            ours.stepsPerSecond,
            peerRate,
            ours.stepsPerSecond / peerRate,
            ours.packStepMs,
            ours.rssKb / 1024);
      }
    }
    return 0;
  }

  private record Measured(double stepsPerSecond, double packStepMs, long rssKb) {}

  /** R runs as packs of near-equal size in {@code processes} concurrent processes. */
  private Measured ours(int r, int batch) throws Exception {
    int packs = Math.min(processes, r);
    List<Process> ps = new ArrayList<>();
    List<Integer> sizes = new ArrayList<>();
    for (int p = 0, from = 0; p < packs; p++) {
      int size = (r - from + (packs - p) - 1) / (packs - p);
      sizes.add(size);
      ps.add(childProcess(size, batch, 1 + from));
      from += size;
    }
    double slowest = 0;
    double packStep = 0;
    long rss = 0;
    for (int p = 0; p < ps.size(); p++) {
      double seconds = Double.NaN;
      for (String line : lines(ps.get(p))) {
        Matcher m = OURS.matcher(line);
        if (m.find() && Integer.parseInt(m.group(2)) == epochs) {
          seconds = Double.parseDouble(m.group(3));
          rss = Math.max(rss, Long.parseLong(m.group(4)));
        }
      }
      if (ps.get(p).waitFor() != 0 || Double.isNaN(seconds)) {
        throw new UserInputException("pack bench child of " + sizes.get(p) + " runs failed");
      }
      slowest = Math.max(slowest, seconds);
      packStep = Math.max(packStep, 1000 * seconds / steps);
    }
    return new Measured((double) r * steps / slowest, packStep, rss);
  }

  private Process childProcess(int size, int batch, long firstSeed) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-Xmx2g",
                "-Dai.djl.offline=true",
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "bench",
                "pack",
                "--child",
                Integer.toString(size),
                "--batch",
                Integer.toString(batch),
                "--steps",
                Integer.toString(steps),
                "--epochs",
                Integer.toString(epochs),
                "--seed",
                Long.toString(firstSeed)));
    String data = System.getenv("PARETOPRUNE_DATA");
    ProcessBuilder pb = new ProcessBuilder(cmd).redirectErrorStream(true);
    if (data == null) {
      pb.environment().put("PARETOPRUNE_DATA", Paths.data().toString());
    }
    return pb.start();
  }

  private static List<String> lines(Process p) throws Exception {
    List<String> out = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String s;
      while ((s = in.readLine()) != null) {
        out.add(s);
      }
    }
    return out;
  }

  /** The peer: R processes, {@code processes} at a time; aggregate steps per second. */
  private double peer(int r, int batch) throws Exception {
    double wall = 0;
    for (int from = 0; from < r; from += processes) {
      List<Process> round = new ArrayList<>();
      for (int i = from; i < Math.min(r, from + processes); i++) {
        ProcessBuilder pb =
            new ProcessBuilder(
                    python,
                    peer.toString(),
                    Paths.data().resolve("mnist").toString(),
                    Integer.toString(epochs),
                    "smgd",
                    Integer.toString(steps * batch),
                    "1",
                    Integer.toString(batch))
                .redirectErrorStream(true);
        pb.environment().remove("LD_PRELOAD");
        pb.environment().remove("GLIBC_TUNABLES");
        round.add(pb.start());
      }
      double slowest = 0;
      for (Process p : round) {
        List<String> out = lines(p);
        double seconds = Double.NaN;
        for (String line : out) {
          Matcher m = PEER.matcher(line);
          if (m.find() && Integer.parseInt(m.group(1)) == epochs - 1) {
            seconds = Double.parseDouble(m.group(2));
          }
        }
        if (p.waitFor() != 0 || Double.isNaN(seconds)) {
          throw Peer.failed(peer, out);
        }
        slowest = Math.max(slowest, seconds);
      }
      wall += slowest;
    }
    return (double) r * steps / wall;
  }

  /** In the child: one pack of {@code child} runs, seeds from {@code seed}; prints its epochs. */
  private int trainPack() {
    EngineSetup.setThreads(1);
    EngineSetup.pytorchOffline();
    DatasetSplits mnist = BenchSetup.mnist(Paths.data(), steps * batches.get(0), 1000);
    int batch = batches.get(0);
    List<Objective> objectives =
        List.of(
            Objective.crossEntropy("f1").plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)),
            Objective.l1("f2", ParameterSelector.denseKernels())
                .plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)));
    try (NDManager m = NDManager.newBaseManager()) {
      TensorDataset[] t = Normalization.UNIT_SCALE.apply(m, mnist.train(), mnist.test());
      LabeledImages tr = mnist.train();
      PackedTrainer.Builder pack =
          PackedTrainer.builder()
              .setManager(m)
              .setPacker(ModelZoo.load().factory("lenet5").packer(PluginSettings.empty()).get());
      for (int i = 0; i < child; i++) {
        MultiObjectiveTrainer.Builder b =
            BenchSetup.lenetRun(
                    m,
                    tr,
                    objectives,
                    new TrainingConfig(epochs, batch, seed + i, 1000, steps),
                    "smgd",
                    Map.of("lr", 0.01, "momentum", 0.9, "schedule", "inverse_time+logistic"))
                .addHook(PruningStrategies.create("threshold", PluginSettings.empty()));
        if (i == 0) {
          b.addListener(
              new TrainingListener() {
                @Override
                public void onEpoch(EpochMetrics e) {
                  System.gc();
                  System.out.printf(
                      Locale.ROOT,
                      "@pack %d epoch %d seconds %.4f rss_kb %d%n",
                      child,
                      e.epoch(),
                      e.seconds(),
                      MemoryBench.residentKb());
                }
              });
        }
        pack.addRun(b);
      }
      pack.build().fit(t[0], t[1]);
    }
    return 0;
  }
}
