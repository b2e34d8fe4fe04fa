package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDScope;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.paretoprune.models.Network;
import java.util.List;

/**
 * Inference with the dense head in CSR form: the blocks up to the head (convolutions, pooling,
 * flatten) run in DJL, the trailing dense layers and their activations run in Java on {@link
 * CsrMatrix} kernels ({@link SparseDenseHead}).
 *
 * <p>The head is the longest run of dense layers, supported activations and dropout at the end of
 * the network's (flat, sequential) block list that starts with a dense layer; anything before it
 * stays in DJL. The export is a snapshot: later changes to the network's weights are not seen.
 */
public final class SparseNetwork {
  private final Network network;
  private final List<Block> features;
  private final List<Block> headBlocks;
  private final SparseDenseHead head;

  private SparseNetwork(Network network, List<Block> features, List<Block> headBlocks) {
    this.network = network;
    this.features = features;
    this.headBlocks = headBlocks;
    this.head = SparseDenseHead.of(headBlocks, network.catalog());
  }

  /**
   * Exports the dense head of {@code network}.
   *
   * @throws IllegalArgumentException when the block is not a {@link SequentialBlock} or does not
   *     end in dense layers
   */
  public static SparseNetwork of(Network network) {
    if (!(network.block() instanceof SequentialBlock seq)) {
      throw new IllegalArgumentException(
          "sparse inference needs a flat SequentialBlock, model '"
              + network.model()
              + "' is a "
              + network.block().getClass().getSimpleName());
    }
    List<Block> children = seq.getChildren().stream().map(Pair::getValue).toList();
    int start = children.size();
    while (start > 0
        && (children.get(start - 1) instanceof Linear
            || HeadActivation.of(children.get(start - 1)).isPresent())) {
      start--;
    }
    while (start < children.size() && !(children.get(start) instanceof Linear)) {
      start++;
    }
    if (start == children.size()) {
      throw new IllegalArgumentException(
          "model '"
              + network.model()
              + "' does not end in dense layers; its last block is "
              + (children.isEmpty() ? "absent" : describe(children.get(children.size() - 1))));
    }
    return new SparseNetwork(
        network, children.subList(0, start), children.subList(start, children.size()));
  }

  static String describe(Block b) {
    return b instanceof LambdaBlock l ? l.getName() : b.getClass().getSimpleName();
  }

  public Network network() {
    return network;
  }

  public SparseDenseHead head() {
    return head;
  }

  /** The blocks DJL runs before the head. */
  public List<Block> featureBlocks() {
    return features;
  }

  /** The network's own DJL blocks that {@link #head()} replaces. */
  public List<Block> headBlocks() {
    return headBlocks;
  }

  /** The head's input for a batch: the DJL part's output, row-major {@code [n, inputs]}. */
  public float[] features(NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return featureArray(x).toFloatArray();
    }
  }

  /**
   * The head's input for a batch as the DJL part leaves it, {@code [n, inputs]}, not copied out of
   * the engine; its intermediates belong to the caller's scope (or {@code x}'s manager).
   */
  public NDArray featureArray(NDArray x) {
    {
      ParameterStore store = new ParameterStore(x.getManager(), false);
      NDList h = new NDList(x);
      for (Block b : features) {
        h = b.forward(store, h, false);
      }
      NDArray f = h.singletonOrThrow();
      long n = x.getShape().get(0);
      if (f.getShape().dimension() != 2 || f.getShape().get(1) != head.inputs()) {
        throw new IllegalStateException(
            "the blocks before the dense head give shape "
                + f.getShape()
                + ", the head takes ["
                + n
                + ", "
                + head.inputs()
                + "]");
      }
      return f;
    }
  }

  /** Logits for a batch {@code [n, channels, height, width]}, row-major {@code [n, classes]}. */
  public float[] logits(NDArray x) {
    int n = (int) x.getShape().get(0);
    return head.forward(features(x), n);
  }

  /** The predicted class of each example. */
  public int[] predict(NDArray x) {
    return argMax(logits(x), head.outputs());
  }

  /** Index of the largest value in each row of a row-major matrix with {@code cols} columns. */
  public static int[] argMax(float[] rowMajor, int cols) {
    int[] out = new int[rowMajor.length / cols];
    for (int r = 0; r < out.length; r++) {
      int best = 0;
      for (int c = 1; c < cols; c++) {
        if (rowMajor[r * cols + c] > rowMajor[r * cols + best]) {
          best = c;
        }
      }
      out[r] = best;
    }
    return out;
  }
}
