package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.paretoprune.models.Network;
import io.paretoprune.models.nets.ClippedRelu;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ForkJoinPool;

/**
 * A network whose every run of dense layers (with their element-wise activations and dropout) runs
 * on CSR kernels in Java and everything else in DJL: for networks whose dense layers sit on both
 * sides of another layer, such as DeepSpeech's dense layers 1-3 and 5-6 around its LSTM. A dense
 * layer applies to the last axis, so a {@code [batch, frames, features]} input is {@code batch *
 * frames} rows for the CSR kernel ({@link CsrBatchKernel}, its inner loop over those rows). No
 * compaction: removing LSTM inputs or outputs is not done, so widths stay as trained.
 */
public final class SegmentedSparseNetwork implements AutoCloseable {
  /** One element-wise step after a dense layer, in place on a feature-major row. */
  private interface Elementwise {
    void applyInPlace(float[] values);
  }

  /** A run of dense layers in CSR, or one DJL block. */
  private record Step(Block djl, List<CsrBatchKernel> dense, List<List<Elementwise>> after) {
    boolean sparse() {
      return djl == null;
    }
  }

  /**
   * Rows (frames) per pass through a run of dense layers: each nonzero adds a row of the
   * feature-major input, and 64 rows of DeepSpeech's 494 features (126 KB) stay in L2 cache where
   * all 3,200 frames of 32 utterances (6.3 MB) do not.
   */
  static final int CHUNK = 64;

  private final Network network;
  private final List<Step> steps = new ArrayList<>();
  private final ForkJoinPool pool;
  private long nonzeros;
  private long denseWeights;

  private SegmentedSparseNetwork(Network network, int threads) {
    this.network = network;
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    if (!(network.block() instanceof SequentialBlock seq)) {
      throw new IllegalArgumentException(
          "sparse inference needs a flat SequentialBlock, model '"
              + network.model()
              + "' is a "
              + network.block().getClass().getSimpleName());
    }
    List<Block> children = seq.getChildren().stream().map(Pair::getValue).toList();
    Step open = null;
    for (Block b : children) {
      Elementwise act = elementwise(b);
      if (b instanceof Linear linear) {
        if (open == null) {
          open = new Step(null, new ArrayList<>(), new ArrayList<>());
          steps.add(open);
        }
        CsrMatrix k = CsrMatrix.fromKernel(linear.getParameters().get("weight").getArray());
        var bias = linear.getParameters().get("bias");
        float[] b0 = bias == null ? new float[k.rows()] : bias.getArray().toFloatArray();
        open.dense().add(new CsrBatchKernel(k, b0, pool));
        open.after().add(new ArrayList<>());
        nonzeros += k.nnz();
        denseWeights += (long) k.rows() * k.cols();
      } else if (open != null && act != null) {
        open.after().get(open.after().size() - 1).add(act);
      } else {
        open = null;
        steps.add(new Step(b, List.of(), List.of()));
      }
    }
    if (steps.stream().noneMatch(Step::sparse)) {
      throw new IllegalArgumentException("model '" + network.model() + "' has no dense layer");
    }
  }

  /**
   * @param threads 1, or the workers of the row-split CSR kernels
   */
  public static SegmentedSparseNetwork of(Network network, int threads) {
    return new SegmentedSparseNetwork(network, threads);
  }

  private static Elementwise elementwise(Block b) {
    if (b instanceof ClippedRelu c) {
      float clip = c.clip();
      return a -> {
        for (int i = 0; i < a.length; i++) {
          a[i] = Math.min(Math.max(a[i], 0f), clip);
        }
      };
    }
    return HeadActivation.of(b).<Elementwise>map(h -> h::applyInPlace).orElse(null);
  }

  /** Nonzeros of all dense kernels. */
  public long nonzeros() {
    return nonzeros;
  }

  /** Entries of all dense kernels, zero or not. */
  public long denseWeights() {
    return denseWeights;
  }

  /**
   * The DJL blocks between the runs of dense layers (for DeepSpeech: the frames view, the LSTM).
   */
  public List<Block> djlBlocks() {
    return steps.stream().filter(s -> !s.sparse()).map(Step::djl).toList();
  }

  /** The CSR arrays of every dense layer: 4-byte values, columns, row pointers and biases. */
  public long csrBytes() {
    long total = 0;
    for (Step s : steps) {
      for (CsrBatchKernel k : s.dense()) {
        total += k.storedBytes();
      }
    }
    return total;
  }

  /** The network's output for {@code x}, as the network's own forward shapes it. */
  public float[] logits(NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return forward(x).toFloatArray();
    }
  }

  /** The input that the DJL block {@code block} receives when the network runs {@code x}. */
  public NDArray inputOf(Block block, NDArray x) {
    NDArray h = x;
    for (Step s : steps) {
      if (s.djl() == block) {
        return h;
      }
      h = run(s, h);
    }
    throw new IllegalArgumentException("not a DJL block of this network: " + block);
  }

  private NDArray forward(NDArray x) {
    NDArray h = x;
    for (Step s : steps) {
      h = run(s, h);
    }
    return h;
  }

  private NDArray run(Step s, NDArray h) {
    if (!s.sparse()) {
      ParameterStore store = new ParameterStore(h.getManager(), false);
      return s.djl().forward(store, new NDList(h), false).singletonOrThrow();
    }
    long[] shape = h.getShape().getShape();
    int in = (int) shape[shape.length - 1];
    float[] flat = h.toFloatArray();
    int rows = flat.length / in;
    int outWidth = s.dense().get(s.dense().size() - 1).rows();
    float[] result = new float[rows * outWidth];
    for (int from = 0; from < rows; from += CHUNK) {
      int n = Math.min(CHUNK, rows - from);
      float[] part = new float[n * in];
      System.arraycopy(flat, from * in, part, 0, part.length);
      float[][] a = FeatureMajor.of(part, n, in);
      for (int l = 0; l < s.dense().size(); l++) {
        a = s.dense().get(l).apply(a, n);
        for (Elementwise e : s.after().get(l)) {
          for (float[] feature : a) {
            e.applyInPlace(feature);
          }
        }
      }
      float[] done = FeatureMajor.toRowMajor(a, n);
      System.arraycopy(done, 0, result, from * outWidth, done.length);
    }
    long[] out = shape.clone();
    out[out.length - 1] = outWidth;
    NDManager m = h.getManager();
    return m.create(result, new Shape(out));
  }

  public Network network() {
    return network;
  }

  @Override
  public void close() {
    if (pool != null) {
      pool.shutdown();
    }
  }
}
