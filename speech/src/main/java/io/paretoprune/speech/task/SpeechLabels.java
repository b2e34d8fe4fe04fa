package io.paretoprune.speech.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.types.DataType;
import io.paretoprune.speech.corpus.SpeechBatch;

/**
 * How a speech data set's labels travel through the trainer as one tensor per example, so that
 * batches are sliced by rows like any other data set's: {@code [frames, labels, l_1, ..., l_L,
 * padding]} (int64), the utterance's feature frames, its transcript's length and its symbol
 * classes. The CTC loss and the error rates read the lengths back.
 */
public final class SpeechLabels {
  private SpeechLabels() {}

  /** The rows for a padded batch: {@code [N, 2 + Lmax]}. */
  static NDArray of(SpeechBatch batch) {
    long n = batch.labels().getShape().get(0);
    try (NDArray frames = batch.featureLengths().toType(DataType.INT64, false).reshape(n, 1);
        NDArray lengths = batch.labelLengths().toType(DataType.INT64, false).reshape(n, 1);
        NDArray labels = batch.labels().toType(DataType.INT64, false)) {
      return NDArrays.concat(new NDList(frames, lengths, labels), 1);
    }
  }

  /** Each example's frames, transcript length and symbols, read to the host. */
  record Decoded(int[] frames, int[][] labels) {}

  static Decoded decode(NDArray rows) {
    int n = Math.toIntExact(rows.getShape().get(0));
    int width = Math.toIntExact(rows.getShape().get(1));
    long[] v = rows.toLongArray();
    int[] frames = new int[n];
    int[][] labels = new int[n][];
    for (int i = 0; i < n; i++) {
      frames[i] = (int) v[i * width];
      int length = (int) v[i * width + 1];
      labels[i] = new int[length];
      for (int j = 0; j < length; j++) {
        labels[i][j] = (int) v[i * width + 2 + j];
      }
    }
    return new Decoded(frames, labels);
  }
}
