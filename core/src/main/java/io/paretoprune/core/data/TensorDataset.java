package io.paretoprune.core.data;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import java.util.Arrays;

/**
 * A whole split held as two NDArrays: features [n, ...] float32 and labels [n, ...]. The trainer
 * slices batches from it, so a step costs no copy from the JVM heap.
 *
 * <p>A split of sequences padded to its longest ({@code [n, frames, features]}) may also say how
 * many frames each example really has ({@code lengths}). Every batch is then cut to its own longest
 * example along axis 1: padding after an example's last frame is never read by a model whose
 * outputs at a frame depend only on earlier frames (DeepSpeech's unidirectional LSTM and per-frame
 * dense layers) and a loss that reads each example's frames only (CTC), so the cut changes no
 * number and saves the work on the padding.
 *
 * @param lengths each example's valid extent along axis 1, or null when all examples have one size
 */
public record TensorDataset(NDArray features, NDArray labels, int[] lengths)
    implements AutoCloseable {
  public TensorDataset {
    if (features.getShape().get(0) != labels.getShape().get(0)) {
      throw new IllegalArgumentException(
          "features " + features.getShape() + " and labels " + labels.getShape() + " differ in n");
    }
    if (lengths != null) {
      long n = features.getShape().get(0);
      long extent = features.getShape().dimension() > 1 ? features.getShape().get(1) : 0;
      if (lengths.length != n) {
        throw new IllegalArgumentException(lengths.length + " lengths for " + n + " examples");
      }
      for (int len : lengths) {
        if (len < 1 || len > extent) {
          throw new IllegalArgumentException(
              "an example's length " + len + " is outside 1.." + extent);
        }
      }
      lengths = lengths.clone();
    }
  }

  /** A split whose examples all have one size. */
  public TensorDataset(NDArray features, NDArray labels) {
    this(features, labels, null);
  }

  public long size() {
    return labels.getShape().get(0);
  }

  @Override
  public int[] lengths() {
    return lengths == null ? null : lengths.clone();
  }

  /** Whether the examples have lengths of their own (sequences). */
  public boolean hasLengths() {
    return lengths != null;
  }

  /** The features of the examples {@code rows} ({@code index} holds them), cut to their longest. */
  public NDArray gather(NDArray index, long[] rows) {
    NDArray x = features.get(index);
    if (lengths == null) {
      return x;
    }
    int longest = 0;
    for (long r : rows) {
      longest = Math.max(longest, lengths[(int) r]);
    }
    return cut(x, longest);
  }

  /** The features of the examples {@code [from, to)}, cut to their longest. */
  public NDArray slice(long from, long to) {
    NDArray x = features.get(new NDIndex().addSliceDim(from, to));
    if (lengths == null) {
      return x;
    }
    int longest = Arrays.stream(lengths, (int) from, (int) to).max().orElse(1);
    return cut(x, longest);
  }

  /**
   * Every example's index, shortest first (ties by index) when the examples have lengths, else in
   * order: evaluation walks a split this way, so that each batch pads to little more than its own
   * frames.
   */
  public long[] evaluationOrder() {
    long[] all = new long[Math.toIntExact(size())];
    Arrays.setAll(all, i -> i);
    return lengths == null ? all : BatchOrder.byLength(all, lengths);
  }

  /**
   * Features and labels of positions {@code [from, to)} of {@code order} ({@link
   * #evaluationOrder}), the features cut to their longest: slices when the examples have one size
   * (the order is then the identity), a gather otherwise.
   */
  public NDList evaluationBatch(long[] order, long from, long to) {
    if (lengths == null) {
      return new NDList(slice(from, to), labels.get(new NDIndex().addSliceDim(from, to)));
    }
    long[] rows = Arrays.copyOfRange(order, (int) from, (int) to);
    NDArray index = labels.getManager().create(rows);
    return new NDList(gather(index, rows), labels.get(index));
  }

  private NDArray cut(NDArray x, int longest) {
    if (longest >= x.getShape().get(1)) {
      return x;
    }
    return x.get(new NDIndex().addAllDim().addSliceDim(0, longest));
  }

  @Override
  public void close() {
    features.close();
    labels.close();
  }
}
