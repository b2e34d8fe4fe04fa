package io.paretoprune.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.sparse.SparseNetwork;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Inference time of LeNet-5's dense head pruned to a given density: DJL's dense layers against the
 * CSR head, at batch 1 and 256. Each dense kernel keeps its largest-magnitude entries.
 */
@Command(
    name = "sparse",
    mixinStandardHelpOptions = true,
    description = "Dense head of a pruned LeNet-5: DJL dense layers vs CSR, batch 1 and 256.")
final class SparseBench implements Callable<Integer> {
  @Option(
      names = "--keep",
      defaultValue = "0.044",
      description = "fraction of each dense kernel kept (default 0.044: the paper's 95.6%% pruned)")
  double keep;

  @Option(names = "--reps", defaultValue = "2000", description = "timed calls at batch 1")
  int reps;

  @Override
  public Integer call() {
    EngineSetup.setThreads(1);
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      Network net =
          ModelZoo.load()
              .create("lenet5", PluginSettings.empty(), new InputSpec(1, 28, 28, 10), m, 1);
      for (ParameterRef p : net.catalog().all()) {
        if (p.kind() == ParameterKind.DENSE_KERNEL) {
          float[] w = p.array().toFloatArray();
          float[] abs = new float[w.length];
          for (int i = 0; i < w.length; i++) {
            abs[i] = Math.abs(w[i]);
          }
          Arrays.sort(abs);
          float cut = abs[(int) Math.floor((1 - keep) * w.length)];
          try (NDArray mask = p.array().abs().gte(cut)) {
            p.array().muli(mask);
          }
        }
      }
      SparseNetwork sparse = SparseNetwork.of(net);
      System.out.printf(
          Locale.ROOT,
          "LeNet-5 dense head, %d of %d dense kernel weights kept, 1 thread%n",
          sparse.head().nnz(),
          58920);
      for (int batch : new int[] {1, 256}) {
        NDArray x = m.randomUniform(0, 1, new Shape(batch, 1, 28, 28));
        float[] features = sparse.features(x);
        NDArray f = m.create(features, new Shape(batch, sparse.head().inputs()));
        int n = batch == 1 ? reps : Math.max(20, reps / 50);
        double dense = median(() -> denseHead(sparse.headBlocks(), f), n);
        double csr = median(() -> sparse.head().forward(features, batch), n);
        System.out.printf(
            Locale.ROOT,
            "  batch %3d: dense (DJL) %.4f ms, sparse (CSR) %.4f ms, sparse/dense %.3f%n",
            batch,
            dense,
            csr,
            csr / dense);
      }
    }
    return 0;
  }

  private static void denseHead(List<Block> blocks, NDArray features) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      ParameterStore store = new ParameterStore(features.getManager(), false);
      NDList h = new NDList(features);
      for (Block b : blocks) {
        h = b.forward(store, h, false);
      }
      h.singletonOrThrow().toFloatArray();
    }
  }

  /** Median ms of {@code n} timed calls in blocks of 10, after as many warm-up calls. */
  private static double median(Runnable r, int n) {
    for (int i = 0; i < n; i++) {
      r.run();
    }
    List<Double> ms = new ArrayList<>();
    for (int i = 0; i < n / 10; i++) {
      long t0 = System.nanoTime();
      for (int j = 0; j < 10; j++) {
        r.run();
      }
      ms.add((System.nanoTime() - t0) / 1e6 / 10);
    }
    return StepBench.median(ms);
  }
}
