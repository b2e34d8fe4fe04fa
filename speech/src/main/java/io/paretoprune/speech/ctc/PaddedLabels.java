package io.paretoprune.speech.ctc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;

/**
 * Transcripts as a data pipeline batches them, {@code labels [batch, maxLength]} padded after each
 * sample's {@code lengths [batch]}, turned into the per-sample arrays {@link CtcLoss} and the
 * metrics take. What the padding holds is never read.
 */
public final class PaddedLabels {
  private PaddedLabels() {}

  /**
   * @throws IllegalArgumentException when the shapes disagree or a length is out of {@code [0,
   *     maxLength]}, naming the sample
   */
  public static int[][] unpad(NDArray labels, NDArray lengths) {
    if (labels.getShape().dimension() != 2 || lengths.getShape().dimension() != 1) {
      throw new IllegalArgumentException(
          "expected labels [batch, length] and lengths [batch], got "
              + labels.getShape()
              + " and "
              + lengths.getShape());
    }
    int batch = Math.toIntExact(labels.getShape().get(0));
    int width = Math.toIntExact(labels.getShape().get(1));
    int[] n = lengths(lengths);
    if (n.length != batch) {
      throw new IllegalArgumentException(n.length + " label lengths for a batch of " + batch);
    }
    int[] flat = labels.toType(DataType.INT32, false).toIntArray();
    int[][] out = new int[batch][];
    for (int b = 0; b < batch; b++) {
      if (n[b] < 0 || n[b] > width) {
        throw new IllegalArgumentException(
            "sample " + b + ": label length " + n[b] + " not in [0, " + width + "]");
      }
      out[b] = java.util.Arrays.copyOfRange(flat, b * width, b * width + n[b]);
    }
    return out;
  }

  /** A lengths array {@code [batch]} of any integer type, on the host. */
  public static int[] lengths(NDArray lengths) {
    return lengths.toType(DataType.INT32, false).toIntArray();
  }
}
