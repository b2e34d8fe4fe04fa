package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TrainingResult;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * Full epochs of SMGD with threshold pruning on LeNet-5 over all of MNIST, ours beside the PyTorch
 * peer in the same session: test accuracy, dense kernel nonzeros, the mean weights chosen and ms
 * per step, per epoch. Both use lr 0.01, momentum 0.9, no decay, batch 64, tau = 0.001. They differ
 * where the peer is simpler: it initialises with PyTorch's default (not Glorot), does not shuffle
 * and prunes dense kernels only (ours also prunes dense biases).
 */
@Command(
    name = "epoch",
    mixinStandardHelpOptions = true,
    description = "Full SMGD epochs on MNIST vs the PyTorch peer: accuracy, nonzeros, c1/c2, ms.")
final class EpochBench implements Callable<Integer> {
  @Mixin PeerRaceOptions race;

  @Option(names = "--peer", required = true, description = "path of ref_lenet_smgd.py")
  Path peer;

  @Option(names = "--epochs", defaultValue = "1", description = "epochs (default 1)")
  int epochs;

  /** One epoch's figures, whoever produced them. */
  record Row(int epoch, double accuracy, long kernelNonzeros, double c1, double msPerStep) {}

  @Override
  public Integer call() throws Exception {
    if (epochs < 1) {
      throw new UserInputException("--epochs must be at least 1, got " + epochs);
    }
    if (!Files.isRegularFile(peer)) {
      throw new UserInputException("--peer: no such file: " + peer);
    }
    EngineSetup.setThreads(race.threads);
    EngineSetup.pytorchOffline();
    Path data = Paths.data();
    DatasetSplits mnist = BenchSetup.mnist(data, Integer.MAX_VALUE, Integer.MAX_VALUE);
    List<Row> ours = new ArrayList<>();
    try (NDManager m = NDManager.newBaseManager()) {
      TrainingResult r = BenchSetup.train(m, mnist, "smgd+prune", epochs, Integer.MAX_VALUE, 1);
      for (EpochMetrics e : r.epochs()) {
        long nz =
            e.layers().stream()
                .filter(l -> l.kind().equals("DENSE_KERNEL"))
                .mapToLong(LayerStats::nonzeros)
                .sum();
        ours.add(
            new Row(
                e.epoch(),
                e.testAccuracy(),
                nz,
                e.weights().get(0).mean()[0],
                e.seconds() * 1000 / e.steps()));
      }
    }
    List<Row> theirs = peer(data);
    System.out.printf(
        Locale.ROOT,
        "SMGD + threshold pruning, LeNet-5, MNIST, batch 64, lr 0.01, %d threads, allocator: %s%n",
        race.threads,
        EngineSetup.allocator());
    System.out.println(
        "epoch | ours acc | peer acc | ours kernel nz | peer kernel nz | ours c2 mean |"
            + " peer c2 mean | ours ms/step | peer ms/step");
    for (int i = 0; i < Math.min(ours.size(), theirs.size()); i++) {
      Row a = ours.get(i);
      Row b = theirs.get(i);
      System.out.printf(
          Locale.ROOT,
          "%5d | %8.4f | %8.4f | %14d | %14d | %12.3g | %12.3g | %12.3f | %12.3f%n",
          a.epoch(),
          a.accuracy(),
          b.accuracy(),
          a.kernelNonzeros(),
          b.kernelNonzeros(),
          1 - a.c1(),
          1 - b.c1(),
          a.msPerStep(),
          b.msPerStep());
    }
    for (int i : new int[] {0, Math.min(ours.size(), theirs.size()) - 1}) {
      Row a = ours.get(i);
      Row b = theirs.get(i);
      System.out.printf(
          Locale.ROOT,
          "  epoch %d: accuracy ours - peer %+.2f points (target within 0.5 after epoch 1);"
              + " mean c1 ours %.6f, peer %.6f (the peer prints c1 to 4 decimals)%n",
          a.epoch(),
          100 * (a.accuracy() - b.accuracy()),
          a.c1(),
          b.c1());
    }
    return 0;
  }

  private List<Row> peer(Path data) throws Exception {
    List<String> lines =
        Peer.run(race.python, peer, data.resolve("mnist"), epochs, "smgd", 60000, race.threads);
    Pattern line =
        Pattern.compile(
            "epoch (\\d+): .*\\(([0-9.]+) ms/step\\) acc=([0-9.]+) dense nz=(\\d+)/\\d+"
                + " c1avg=([0-9.]+)");
    List<Row> rows = new ArrayList<>();
    for (String s : lines) {
      Matcher mt = line.matcher(s);
      if (mt.find()) {
        rows.add(
            new Row(
                Integer.parseInt(mt.group(1)) + 1,
                Double.parseDouble(mt.group(3)),
                Long.parseLong(mt.group(4)),
                Double.parseDouble(mt.group(5)),
                Double.parseDouble(mt.group(2))));
      }
    }
    if (rows.isEmpty()) {
      throw Peer.failed(peer, lines);
    }
    return rows;
  }
}
