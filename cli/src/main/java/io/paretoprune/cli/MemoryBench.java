package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.seam.TrainingListener;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Resident memory of one SMGD + pruning run after every epoch: native memory must not grow with the
 * number of steps (every temporary NDArray is closed).
 */
@Command(
    name = "memory",
    mixinStandardHelpOptions = true,
    description = "Resident memory after each epoch of an SMGD + threshold pruning run.")
final class MemoryBench implements Callable<Integer> {
  @Option(names = "--epochs", defaultValue = "5")
  int epochs;

  @Option(names = "--steps", defaultValue = "300", description = "steps per epoch")
  int steps;

  @Override
  public Integer call() throws Exception {
    EngineSetup.setThreads(2);
    EngineSetup.pytorchOffline();
    DatasetSplits mnist = BenchSetup.mnist(Paths.data(), 60000);
    long[] rss = new long[epochs + 1];
    long[] outsideHeap = new long[epochs + 1];
    try (NDManager m = NDManager.newBaseManager()) {
      TrainingListener probe =
          new TrainingListener() {
            @Override
            public void onEpoch(EpochMetrics e) {
              // The Java heap grows with garbage until it is collected; what lies outside the
              // committed heap (native tensors, the allocator, code) is what must stay flat.
              System.gc();
              rss[e.epoch()] = residentKb();
              long heapKb = Runtime.getRuntime().totalMemory() / 1024;
              outsideHeap[e.epoch()] = rss[e.epoch()] - heapKb;
              System.out.printf(
                  Locale.ROOT,
                  "epoch %d: RSS %d MiB, Java heap committed %d MiB, outside the heap %d MiB,"
                      + " test accuracy %.4f%n",
                  e.epoch(),
                  rss[e.epoch()] / 1024,
                  heapKb / 1024,
                  outsideHeap[e.epoch()] / 1024,
                  e.testAccuracy());
            }
          };
      BenchSetup.trainWithListener(m, mnist, "smgd+prune", epochs, steps, 1, probe);
    }
    System.out.printf(
        Locale.ROOT,
        "RSS growth epoch 1 -> %d: %+d MiB; outside the Java heap: %+d MiB%n",
        epochs,
        (rss[epochs] - rss[1]) / 1024,
        (outsideHeap[epochs] - outsideHeap[1]) / 1024);
    return 0;
  }

  static long residentKb() {
    try {
      for (String l : Files.readAllLines(Path.of("/proc/self/status"))) {
        if (l.startsWith("VmRSS:")) {
          return Long.parseLong(l.replaceAll("[^0-9]", ""));
        }
      }
    } catch (java.io.IOException e) {
      return -1;
    }
    return -1;
  }
}
