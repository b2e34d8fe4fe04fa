package io.paretoprune.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.experiments.run.SavedRun;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.sparse.CompactedNetwork;
import io.paretoprune.models.sparse.CsrMatrix;
import io.paretoprune.models.sparse.InterleavedTimer;
import io.paretoprune.models.sparse.NetworkCompactor;
import io.paretoprune.models.sparse.SparseNetwork;
import io.paretoprune.models.sparse.TunedSparseHead;
import io.paretoprune.models.store.ModelStore;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code bench infer RUN_DIR...}: inference time of saved runs as they are (dense), compacted, and
 * compacted with the calibrated sparse head, for the dense head alone and the whole network.
 */
@Command(
    name = "infer",
    mixinStandardHelpOptions = true,
    description = {
      "Inference of saved runs: the pruned network as saved (dense, DJL), compacted (export"
          + " --format compact, DJL) and compacted + sparse (the dense head on per-layer kernels"
          + " chosen by timing CSR against libtorch's dense product at batch 1, 32, 256 when the"
          + " head is built, or the whole head through DJL where that was faster). Latency at batch 1 and throughput at 32 and 256, 1 thread and"
          + " --threads, for the dense head alone and the whole network, with the convolutions'"
          + " share (the Amdahl bound), parameter counts and file sizes. The head alone takes"
          + " its input made before the timing, an engine array for a DJL head and a Java array"
          + " for per-layer kernels; in the whole network the convolutions' output goes to the"
          + " head as it is and the per-layer kernels pay its copy out of the engine.",
      "Every figure is the fastest of --rounds blocks of calls, the variants timed in turn, so"
          + " that descheduling on a loaded machine (which only adds time) drops out and the"
          + " ratios in one table hold; absolute times still move with the load. The last column"
          + " is the speed-up of the blocks' medians, what a loaded machine gives typically; the"
          + " kernels are chosen by medians too, dense unless sparse clearly wins.",
      "Before a run is timed, the compacted and the compacted + sparse network must predict the"
          + " saved network's class for every example of each random batch; a run that does not is"
          + " reported in one line naming the first example that differs and is not timed, the"
          + " other runs are, and the command exits 1.",
      "A network with an LSTM (deepspeech) is timed whole on random utterances of --frames"
          + " frames: dense (DJL), compacted (DJL, the dense layers' dead units removed, the LSTM's"
          + " cells kept) and its dense layers on CSR kernels around DJL's LSTM, with the LSTM"
          + " alone as the bound; the compacted and sparse networks must predict the saved one's"
          + " class for every frame first."
    })
final class InferBench implements Callable<Integer> {
  static final int[] BATCHES = {1, 32, 256};

  @Parameters(
      paramLabel = "RUN_DIR",
      arity = "0..*",
      description = "completed runs (or none with --fresh)")
  List<Path> runDirs = new ArrayList<>();

  @Option(
      names = "--fresh",
      paramLabel = "MODEL",
      description =
          "instead of saved runs, a freshly initialised zoo model with a recurrent layer"
              + " (deepspeech: default settings, input --frames x 494 features, 29 classes), each"
              + " dense kernel pruned to its --keep largest magnitudes")
  String fresh;

  @Option(
      names = "--keep",
      defaultValue = "0.05",
      description = "with --fresh: fraction of each dense kernel kept (default 0.05)")
  double keep;

  @Option(
      names = "--frames",
      defaultValue = "100",
      description = "frames per utterance of a sequence model's random input (default 100)")
  int frames;

  @Option(
      names = "--threads",
      description = "the 'all cores' thread count (default: the cores the JVM sees)")
  int threads = Runtime.getRuntime().availableProcessors();

  @Option(names = "--rounds", defaultValue = "31", description = "rounds per figure (default 31)")
  int rounds;

  @Option(
      names = "--block-ms",
      defaultValue = "0.5",
      description = "least milliseconds of one timed block of calls (default 0.5)")
  double blockMs;

  @Override
  public Integer call() throws Exception {
    if (rounds < 1 || blockMs <= 0 || threads < 1 || frames < 1) {
      throw new UserInputException("--rounds, --block-ms, --threads and --frames must be positive");
    }
    if ((fresh == null) == runDirs.isEmpty()) {
      throw new UserInputException("give RUN_DIR... or --fresh MODEL (one of the two)");
    }
    if (fresh != null) {
      if (!(keep > 0 && keep <= 1)) {
        throw new UserInputException("--keep must be a fraction in (0, 1], got " + keep);
      }
      EngineSetup.setThreads(1);
      EngineSetup.pytorchOffline();
      ai.djl.engine.Engine.getInstance().setRandomSeed(1);
      try (NDManager manager = NDManager.newBaseManager()) {
        Network net =
            ModelZoo.load()
                .create(
                    fresh,
                    io.paretoprune.core.plugin.PluginSettings.empty(),
                    new io.paretoprune.models.InputSpec(1, frames, 494, 29),
                    manager,
                    1);
        if (!SequenceInferBench.recurrent(net)) {
          throw new UserInputException(
              "--fresh takes a model with a recurrent layer (deepspeech); '"
                  + fresh
                  + "' has none: bench a saved run of it instead");
        }
        SequenceInferBench.keepLargest(net, keep);
        String label =
            String.format(
                Locale.ROOT,
                "%s (freshly initialised, seed 1; each dense kernel keeps its %.3g largest"
                    + " magnitudes)",
                fresh,
                keep);
        try {
          sequence().bench(label, net, manager);
        } catch (PredictionMismatch e) {
          System.err.println("paretoprune: " + e.getMessage() + "; not timed");
          return Main.RUN_FAILED;
        }
      }
      return 0;
    }
    List<SavedRun> runs = new ArrayList<>();
    for (Path dir : runDirs) {
      runs.add(SavedRun.open(dir));
    }
    EngineSetup.setThreads(1);
    EngineSetup.pytorchOffline();
    // The random batches that are checked and timed are the same at every invocation.
    ai.djl.engine.Engine.getInstance().setRandomSeed(1);
    // Every model loads before anything is timed, so a broken file is one line up front.
    try (NDManager probe = NDManager.newBaseManager()) {
      for (SavedRun run : runs) {
        ModelStore.load(run.dir(), probe);
      }
    }
    int failed = 0;
    for (SavedRun run : runs) {
      try (NDManager manager = NDManager.newBaseManager()) {
        try {
          bench(run, manager);
        } catch (PredictionMismatch e) {
          System.err.println("paretoprune: " + e.getMessage() + "; not timed");
          failed++;
        }
      }
    }
    return failed == 0 ? 0 : Main.RUN_FAILED;
  }

  /** A variant predicts another class than the saved network for some example: not timed. */
  public static final class PredictionMismatch extends Exception {
    private static final long serialVersionUID = 1L;

    public PredictionMismatch(String message) {
      super(message);
    }
  }

  private SequenceInferBench sequence() {
    return new SequenceInferBench(threads, rounds, blockMs, frames);
  }

  private void bench(SavedRun run, NDManager manager) throws IOException, PredictionMismatch {
    Network dense = ModelStore.load(run.dir(), manager);
    if (SequenceInferBench.recurrent(dense)) {
      sequence().bench(run.runId() + " (" + run.dir() + ")", dense, manager);
      return;
    }
    CompactedNetwork compacted;
    try {
      compacted = NetworkCompactor.compact(dense, ModelZoo.load(), manager);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(run.dir() + ": cannot compact: " + e.getMessage());
    }
    Network small = compacted.network();
    SparseNetwork denseSplit = SparseNetwork.of(dense);
    SparseNetwork smallSplit = SparseNetwork.of(small);
    long denseNonzeros = headNonzeros(dense);
    long headSize = headSize(dense);
    System.out.printf(
        Locale.ROOT,
        "%n%s (%s): dense head %,d of %,d weights nonzero (%.1f%% sparse)%n",
        run.runId(),
        run.dir(),
        denseNonzeros,
        headSize,
        100.0 * (1 - (double) denseNonzeros / headSize));
    System.out.printf(Locale.ROOT, "  compacted: %s%n", compacted.describeWidths());
    System.out.printf(
        Locale.ROOT,
        "  parameters: dense %,d, compacted %,d, compacted + sparse %,d stored (nonzeros of the"
            + " head, all of the convolutions)%n",
        ExportCommand.parameters(dense),
        ExportCommand.parameters(small),
        ExportCommand.parameters(small) - headSize(small) + headNonzeros(small));
    System.out.printf(
        Locale.ROOT,
        "  files: model.params %,d bytes, compacted model.params %,d bytes, compacted + sparse"
            + " %,d bytes (convolutions' DJL parameters + CSR arrays of 4-byte values, columns,"
            + " row pointers and biases)%n",
        Files.size(run.dir().resolve(ModelStore.PARAMETERS)),
        paramsBytes(small.block()),
        sparseBytes(smallSplit));

    List<String> rows = new ArrayList<>();
    int[] threadCounts = threads == 1 ? new int[] {1} : new int[] {1, threads};
    for (int t : threadCounts) {
      JniUtils.setNumThreads(t);
      try (TunedSparseHead head = TunedSparseHead.of(smallSplit, manager, t).calibrate()) {
        for (int batch : BATCHES) {
          rows.addAll(measure(run, dense, small, denseSplit, smallSplit, head, t, batch, manager));
        }
        System.out.printf(Locale.ROOT, "  kernels chosen at %d thread(s):", t);
        for (int batch : BATCHES) {
          System.out.printf(Locale.ROOT, " batch %d %s;", batch, head.kernelsAt(batch));
        }
        System.out.println();
        for (TunedSparseHead.Calibration c : head.calibration()) {
          StringBuilder s = new StringBuilder();
          for (int i = 0; i < c.kernels().size(); i++) {
            s.append(String.format(Locale.ROOT, " %s %.4f", c.kernels().get(i), c.millis()[i]));
          }
          System.out.printf(
              Locale.ROOT,
              "    calibration %s %dx%d nnz %d batch %d, median ms per call:%s -> %s%n",
              c.layer(),
              c.rows(),
              c.cols(),
              c.nnz(),
              c.batch(),
              s,
              c.chosen());
        }
      }
    }
    System.out.println();
    System.out.println(
        "| part | threads | batch | dense ms | compacted ms | compacted + sparse ms |"
            + " compacted + sparse ex/s | speed-up compacted | speed-up compacted + sparse |"
            + " speed-up compacted + sparse, medians |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private List<String> measure(
      SavedRun run,
      Network dense,
      Network small,
      SparseNetwork denseSplit,
      SparseNetwork smallSplit,
      TunedSparseHead head,
      int threads,
      int batch,
      NDManager manager)
      throws PredictionMismatch {
    try (NDManager m = manager.newSubManager()) {
      Shape in = dense.input().batchShape();
      NDArray x = m.randomUniform(0, 1, new Shape(batch, in.get(1), in.get(2), in.get(3)));
      float[] denseFeatures = denseSplit.features(x);
      float[] smallFeatures = smallSplit.features(x);
      NDArray denseF = m.create(denseFeatures, new Shape(batch, denseFeatures.length / batch));
      NDArray smallF = m.create(smallFeatures, new Shape(batch, smallFeatures.length / batch));
      checkSamePredictions(run, dense, small, smallSplit, head, threads, x, batch);
      // The head alone is timed on its input in its own form, made before the timing as for the
      // DJL heads: an engine array for the DJL head, a Java array for the per-layer kernels.
      Runnable sparseHead =
          head.runsInDjlAt(batch)
              ? () -> head.forward(smallF)
              : () -> head.forward(smallFeatures, batch);
      List<Runnable> runs =
          List.of(
              () -> runBlocks(denseSplit.headBlocks(), denseF),
              () -> runBlocks(smallSplit.headBlocks(), smallF),
              sparseHead,
              () -> logits(dense, x),
              () -> logits(small, x),
              () -> wholeSparse(smallSplit, head, x),
              () -> convolutions(smallSplit, x));
      double[][] samples = InterleavedTimer.samples(runs, rounds, blockMs);
      double[] ms = new double[samples.length];
      double[] med = new double[samples.length];
      for (int i = 0; i < ms.length; i++) {
        ms[i] = java.util.Arrays.stream(samples[i]).min().orElseThrow();
        med[i] = InterleavedTimer.median(samples[i]);
      }
      List<String> out = new ArrayList<>();
      out.add(row("dense head", threads, batch, ms[0], ms[1], ms[2], med[0] / med[2]));
      out.add(row("whole network", threads, batch, ms[3], ms[4], ms[5], med[3] / med[5]));
      out.add(
          String.format(
              Locale.ROOT,
              "| convolutions of the compacted network (%.0f%% of compacted + sparse; bound"
                  + " %.2fx if the head took no time) | %d | %d | | | %.4f | | | | |",
              100 * ms[6] / ms[5],
              ms[3] / ms[6],
              threads,
              batch,
              ms[6]));
      return out;
    }
  }

  private static String row(
      String part, int threads, int batch, double d, double c, double s, double byMedians) {
    return String.format(
        Locale.ROOT,
        "| %s | %d | %d | %.4f | %.4f | %.4f | %,.0f | %.2fx | %.2fx | %.2fx |",
        part,
        threads,
        batch,
        d,
        c,
        s,
        batch / s * 1000,
        d / c,
        d / s,
        byMedians);
  }

  /**
   * The variants must agree before they are timed: same argmax as the saved network on every
   * example of the random batch, else a one-line report of the first example that differs.
   */
  static void checkSamePredictions(
      SavedRun run,
      Network dense,
      Network small,
      SparseNetwork smallSplit,
      TunedSparseHead head,
      int threads,
      NDArray x,
      int batch)
      throws PredictionMismatch {
    int classes = dense.input().classes();
    float[] expected = logits(dense, x);
    String where =
        String.format(Locale.ROOT, "of a random batch of %d (%d thread(s))", batch, threads);
    firstDifference(run, "compacted network", expected, logits(small, x), classes, where);
    firstDifference(
        run,
        "compacted + sparse network (kernels " + head.kernelsAt(batch) + ")",
        expected,
        wholeSparse(smallSplit, head, x),
        classes,
        where);
  }

  /**
   * The compacted + sparse network on a batch: the convolutions in DJL, their output handed to the
   * head as it is (the head copies it out only for its own kernels).
   */
  private static float[] wholeSparse(SparseNetwork split, TunedSparseHead head, NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return head.forward(split.featureArray(x));
    }
  }

  /** The layers before the head alone, their output left in the engine. */
  private static void convolutions(SparseNetwork split, NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      split.featureArray(x);
    }
  }

  /** Throws naming the run, the variant and the first example whose predicted class differs. */
  static void firstDifference(
      SavedRun run, String variant, float[] expected, float[] got, int classes, String where)
      throws PredictionMismatch {
    int[] want = SparseNetwork.argMax(expected, classes);
    int[] have = SparseNetwork.argMax(got, classes);
    for (int i = 0; i < want.length; i++) {
      if (want[i] != have[i]) {
        throw new PredictionMismatch(
            String.format(
                Locale.ROOT,
                "%s (%s): prediction check failed: the %s predicts class %d for example %d %s,"
                    + " the saved network class %d (logit %.6g against %.6g)",
                run.runId(),
                run.dir(),
                variant,
                have[i],
                i,
                where,
                want[i],
                got[i * classes + have[i]],
                got[i * classes + want[i]]));
      }
    }
  }

  private static float[] logits(Network net, NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return net.logits(x).toFloatArray();
    }
  }

  private static void runBlocks(List<Block> blocks, NDArray features) {
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

  private static long headNonzeros(Network net) {
    long n = 0;
    for (CsrMatrix k : SparseNetwork.of(net).head().matrices().values()) {
      n += k.nnz();
    }
    return n;
  }

  private static long headSize(Network net) {
    return net.catalog().all().stream()
        .filter(p -> p.kind() == ParameterKind.DENSE_KERNEL)
        .mapToLong(p -> p.array().size())
        .sum();
  }

  static long paramsBytes(Block block) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    block.saveParameters(new DataOutputStream(bytes));
    return bytes.size();
  }

  /** DJL parameters of the blocks before the head plus the head's CSR arrays, 4 bytes each. */
  private static long sparseBytes(SparseNetwork split) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Block b : split.featureBlocks()) {
      b.saveParameters(new DataOutputStream(bytes));
    }
    long total = bytes.size();
    for (CsrMatrix k : split.head().matrices().values()) {
      total += 4L * (2L * k.nnz() + k.rows() + 1 + k.rows());
    }
    return total;
  }
}
