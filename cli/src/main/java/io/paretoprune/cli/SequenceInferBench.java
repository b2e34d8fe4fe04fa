package io.paretoprune.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.pytorch.jni.JniUtils;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.nets.SelfCheckingLstm;
import io.paretoprune.models.sparse.CompactedNetwork;
import io.paretoprune.models.sparse.InterleavedTimer;
import io.paretoprune.models.sparse.NetworkCompactor;
import io.paretoprune.models.sparse.SegmentedSparseNetwork;
import io.paretoprune.models.sparse.SparseNetwork;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * {@code bench infer} for a network with a recurrent layer (DeepSpeech): the network in DJL against
 * its compacted form in DJL ({@link NetworkCompactor}: the dead units of the dense layers removed,
 * the LSTM's cells kept) and its dense layers on CSR kernels around DJL's LSTM ({@link
 * SegmentedSparseNetwork}), with the LSTM's own time as the Amdahl bound. Input: random utterances
 * of {@code frames} frames.
 */
final class SequenceInferBench {
  static final int[] BATCHES = {1, 32};

  private final int threads;
  private final int rounds;
  private final double blockMs;
  private final int frames;

  SequenceInferBench(int threads, int rounds, double blockMs, int frames) {
    this.threads = threads;
    this.rounds = rounds;
    this.blockMs = blockMs;
    this.frames = frames;
  }

  static boolean recurrent(Network net) {
    return net.block().getChildren().values().stream()
        .anyMatch(b -> SelfCheckingLstm.lstmOf(b).isPresent());
  }

  /** Zeroes each dense kernel's entries below its {@code keep} largest magnitudes. */
  static void keepLargest(Network net, double keep) {
    for (ParameterRef p : net.catalog().all()) {
      if (p.kind() == ParameterKind.DENSE_KERNEL) {
        float[] w = p.array().toFloatArray();
        float[] abs = new float[w.length];
        for (int i = 0; i < w.length; i++) {
          abs[i] = Math.abs(w[i]);
        }
        Arrays.sort(abs);
        int kept = (int) Math.max(1, Math.round(keep * w.length));
        float cut = abs[w.length - kept];
        for (int i = 0; i < w.length; i++) {
          if (Math.abs(w[i]) < cut) {
            w[i] = 0f;
          }
        }
        p.array().set(w);
      }
    }
  }

  void bench(String label, Network dense, NDManager manager)
      throws IOException, InferBench.PredictionMismatch {
    Block lstm =
        dense.block().getChildren().values().stream()
            .filter(b -> SelfCheckingLstm.lstmOf(b).isPresent())
            .findFirst()
            .orElseThrow();
    long lstmParams =
        dense.catalog().all().stream()
            .filter(
                p -> p.kind() == ParameterKind.LSTM_KERNEL || p.kind() == ParameterKind.LSTM_BIAS)
            .mapToLong(p -> p.array().size())
            .sum();
    CompactedNetwork compacted = NetworkCompactor.compact(dense, ModelZoo.load(), manager);
    Network small = compacted.network();
    List<String> rows = new ArrayList<>();
    int[] threadCounts = threads == 1 ? new int[] {1} : new int[] {1, threads};
    boolean header = false;
    for (int t : threadCounts) {
      JniUtils.setNumThreads(t);
      try (SegmentedSparseNetwork sparse = SegmentedSparseNetwork.of(dense, t)) {
        if (!header) {
          header = true;
          long total = ExportCommand.parameters(dense);
          System.out.printf(
              Locale.ROOT,
              "%n%s: dense layers %,d of %,d weights nonzero (%.1f%% sparse); LSTM %,d"
                  + " parameters, kept dense%n",
              label,
              sparse.nonzeros(),
              sparse.denseWeights(),
              100.0 * (1 - (double) sparse.nonzeros() / sparse.denseWeights()),
              lstmParams);
          System.out.printf(
              Locale.ROOT,
              "  parameters: dense %,d, sparse dense layers %,d stored (nonzeros of the dense"
                  + " kernels, all of the rest)%n",
              total,
              total - sparse.denseWeights() + sparse.nonzeros());
          System.out.printf(
              Locale.ROOT,
              "  compacted: %s; parameters %,d (%d units removed, the LSTM's cells kept)%n",
              compacted.describeWidths(),
              ExportCommand.parameters(small),
              compacted.removed());
          System.out.printf(
              Locale.ROOT,
              "  files: model.params %,d bytes, sparse %,d bytes (the other blocks' DJL"
                  + " parameters + CSR arrays of 4-byte values, columns, row pointers and"
                  + " biases)%n",
              InferBench.paramsBytes(dense.block()),
              djlBytes(sparse.djlBlocks()) + sparse.csrBytes());
        }
        for (int batch : BATCHES) {
          rows.add(measure(label, dense, small, sparse, lstm, t, batch, manager));
        }
      }
    }
    System.out.println();
    System.out.println(
        "| threads | utterances x frames | dense ms | compacted ms | sparse dense layers ms |"
            + " speed-up compacted | speed-up sparse | speed-up sparse, medians | LSTM alone ms |"
            + " LSTM share of dense / of sparse | bound if the dense layers took no time |");
    System.out.println("|---|---|---|---|---|---|---|---|---|---|---|");
    rows.forEach(System.out::println);
  }

  private String measure(
      String label,
      Network dense,
      Network small,
      SegmentedSparseNetwork sparse,
      Block lstm,
      int t,
      int batch,
      NDManager manager)
      throws InferBench.PredictionMismatch {
    try (NDManager m = manager.newSubManager()) {
      Shape in = dense.input().batchShape();
      NDArray x = m.randomUniform(0, 1, new Shape(batch, frames, in.get(in.dimension() - 1)));
      int classes = dense.input().classes();
      float[] expected = logits(dense, x);
      int[] want = SparseNetwork.argMax(expected, classes);
      int[] have = SparseNetwork.argMax(sparse.logits(x), classes);
      int[] compact = SparseNetwork.argMax(logits(small, x), classes);
      for (int i = 0; i < want.length; i++) {
        if (want[i] != compact[i]) {
          throw new InferBench.PredictionMismatch(
              String.format(
                  Locale.ROOT,
                  "%s: prediction check failed: the compacted network predicts class %d for"
                      + " frame %d of utterance %d of a random batch of %d (%d thread(s)), the"
                      + " network class %d",
                  label,
                  compact[i],
                  i % frames,
                  i / frames,
                  batch,
                  t,
                  want[i]));
        }
        if (want[i] != have[i]) {
          throw new InferBench.PredictionMismatch(
              String.format(
                  Locale.ROOT,
                  "%s: prediction check failed: the sparse dense layers predict class %d for"
                      + " frame %d of utterance %d of a random batch of %d (%d thread(s)), the"
                      + " network class %d",
                  label,
                  have[i],
                  i % frames,
                  i / frames,
                  batch,
                  t,
                  want[i]));
        }
      }
      NDArray lstmIn = sparse.inputOf(lstm, x);
      List<Runnable> runs =
          List.of(
              () -> logits(dense, x),
              () -> sparse.logits(x),
              () -> runLstm(lstm, lstmIn),
              () -> logits(small, x));
      double[][] samples = InterleavedTimer.samples(runs, rounds, blockMs);
      double[] ms = new double[4];
      double[] med = new double[4];
      for (int i = 0; i < 4; i++) {
        ms[i] = Arrays.stream(samples[i]).min().orElseThrow();
        med[i] = InterleavedTimer.median(samples[i]);
      }
      return String.format(
          Locale.ROOT,
          "| %d | %d x %d | %.3f | %.3f | %.3f | %.2fx | %.2fx | %.2fx | %.3f | %.0f%% / %.0f%% |"
              + " %.2fx |",
          t,
          batch,
          frames,
          ms[0],
          ms[3],
          ms[1],
          ms[0] / ms[3],
          ms[0] / ms[1],
          med[0] / med[1],
          ms[2],
          100 * ms[2] / ms[0],
          100 * ms[2] / ms[1],
          ms[0] / ms[2]);
    }
  }

  private static float[] logits(Network net, NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return net.logits(x).toFloatArray();
    }
  }

  private static void runLstm(Block lstm, NDArray in) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      lstm.forward(new ParameterStore(in.getManager(), false), new NDList(in), false)
          .singletonOrThrow()
          .toFloatArray();
    }
  }

  private static long djlBytes(List<Block> blocks) throws IOException {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (Block b : blocks) {
      b.saveParameters(new DataOutputStream(bytes));
    }
    return bytes.size();
  }
}
