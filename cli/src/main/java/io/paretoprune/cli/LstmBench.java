package io.paretoprune.cli;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.models.nets.SelfCheckingLstm;
import java.util.Arrays;
import java.util.DoubleSummaryStatistics;
import java.util.Locale;
import java.util.concurrent.Callable;
import java.util.function.Function;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * What the {@code deepspeech} model's LSTM costs on each of its two paths ({@link
 * SelfCheckingLstm}): DJL's fused LSTM, and the written-out recurrence it falls back to where the
 * fused one is wrong. Both are timed in the same rounds, alternating, on the same parameters and
 * inputs; the ratio per round is what BENCHMARKS.md records.
 */
@Command(
    name = "lstm",
    mixinStandardHelpOptions = true,
    description =
        "The deepspeech model's LSTM: DJL's fused LSTM against the written-out recurrence that"
            + " SelfCheckingLstm falls back to where the fused one is wrong on a host; ms per"
            + " training step (forward, backward of the outputs' sum) and per inference forward,"
            + " medians of --reps per round, and their ratio per round.")
final class LstmBench implements Callable<Integer> {
  @Option(
      names = "--cells",
      defaultValue = "256",
      description = "LSTM cells = input features (default 256, the suites' n_hidden)")
  int cells;

  @Option(names = "--batch", defaultValue = "32", description = "utterances per batch (default 32)")
  int batch;

  @Option(
      names = "--frames",
      defaultValue = "120",
      description = "frames per utterance (default 120)")
  int frames;

  @Option(
      names = "--rounds",
      defaultValue = "5",
      description = "rounds, each timing both paths (default 5)")
  int rounds;

  @Option(
      names = "--reps",
      defaultValue = "3",
      description = "timed calls per path and round (default 3)")
  int reps;

  @Option(
      names = "--threads",
      defaultValue = "1",
      description = "PyTorch threads (default 1, as a training process)")
  int threads;

  @Override
  public Integer call() {
    atLeastOne("--cells", cells);
    atLeastOne("--batch", batch);
    atLeastOne("--frames", frames);
    atLeastOne("--rounds", rounds);
    atLeastOne("--reps", reps);
    atLeastOne("--threads", threads);
    EngineSetup.setThreads(threads);
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      Shape shape = new Shape(batch, frames, cells);
      SelfCheckingLstm lstm = new SelfCheckingLstm(cells);
      lstm.initialize(m, DataType.FLOAT32, shape);
      Function<NDArray, NDArray> fused =
          x ->
              lstm.cells()
                  .forward(new ParameterStore(x.getManager(), false), new NDList(x), true)
                  .singletonOrThrow();
      Function<NDArray, NDArray> fusedInfer =
          x ->
              lstm.cells()
                  .forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
                  .singletonOrThrow();
      Function<NDArray, NDArray> written =
          x -> lstm.writtenOut(new ParameterStore(x.getManager(), false), x, true);
      Function<NDArray, NDArray> writtenInfer =
          x -> lstm.writtenOut(new ParameterStore(x.getManager(), false), x, false);
      System.out.printf(
          Locale.ROOT,
          "LSTM %d cells, %d features, batch %d x %d frames, %d thread(s), medians of %d calls%n",
          cells,
          cells,
          batch,
          frames,
          threads,
          reps);
      System.out.println(
          "| round | fused train ms | written-out train ms | ratio | fused infer ms | written-out infer ms | ratio |");
      System.out.println("|---|---|---|---|---|---|---|");
      DoubleSummaryStatistics trainRatios = new DoubleSummaryStatistics();
      DoubleSummaryStatistics inferRatios = new DoubleSummaryStatistics();
      step(m, shape, fused); // warm-up: the engine's first calls allocate and pick kernels
      step(m, shape, written);
      for (int r = 1; r <= rounds; r++) {
        double ft = median(m, shape, fused, true);
        double wt = median(m, shape, written, true);
        double fi = median(m, shape, fusedInfer, false);
        double wi = median(m, shape, writtenInfer, false);
        trainRatios.accept(wt / ft);
        inferRatios.accept(wi / fi);
        System.out.printf(
            Locale.ROOT,
            "| %d | %.1f | %.1f | %.2fx | %.1f | %.1f | %.2fx |%n",
            r,
            ft,
            wt,
            wt / ft,
            fi,
            wi,
            wi / fi);
      }
      System.out.printf(
          Locale.ROOT,
          "written-out / fused: training step %.2f-%.2fx, inference %.2f-%.2fx over %d rounds%n",
          trainRatios.getMin(),
          trainRatios.getMax(),
          inferRatios.getMin(),
          inferRatios.getMax(),
          rounds);
    }
    return 0;
  }

  private static void atLeastOne(String option, int value) {
    if (value < 1) {
      throw new UserInputException(option + " must be at least 1, got " + value);
    }
  }

  private double median(NDManager m, Shape shape, Function<NDArray, NDArray> path, boolean train) {
    double[] ms = new double[reps];
    for (int i = 0; i < reps; i++) {
      ms[i] = train ? step(m, shape, path) : infer(m, shape, path);
    }
    Arrays.sort(ms);
    return ms[reps / 2];
  }

  /** One training step: forward, backward of the outputs' sum; ms. */
  private static double step(NDManager m, Shape shape, Function<NDArray, NDArray> path) {
    try (NDManager s = m.newSubManager()) {
      NDArray x = s.randomUniform(-1f, 1f, shape);
      long t0 = System.nanoTime();
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        gc.backward(path.apply(x).sum());
      }
      return (System.nanoTime() - t0) / 1e6;
    }
  }

  /** One inference forward, its outputs copied to Java (so the engine has finished); ms. */
  private static double infer(NDManager m, Shape shape, Function<NDArray, NDArray> path) {
    try (NDManager s = m.newSubManager()) {
      NDArray x = s.randomUniform(-1f, 1f, shape);
      long t0 = System.nanoTime();
      path.apply(x).toFloatArray();
      return (System.nanoTime() - t0) / 1e6;
    }
  }
}
