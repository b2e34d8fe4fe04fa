package io.paretoprune.speech.corpus;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.speech.audio.ContextWindows;
import java.util.List;

/**
 * Utterances as padded NDArrays: {@code features} [N, Tmax, C (2 context + 1)] float32 (zero past
 * each utterance's frames), {@code featureLengths} [N] int32, {@code labels} [N, Lmax] int32 padded
 * with {@link #LABEL_PADDING}, {@code labelLengths} [N] int32. Padding is to the longest utterance
 * of the given list, so a caller that batches should pass one batch at a time (a whole split padded
 * to its longest utterance wastes memory on the short ones).
 */
public record SpeechBatch(
    NDArray features, NDArray featureLengths, NDArray labels, NDArray labelLengths) {
  /**
   * The value of label positions past an utterance's length: never read under the lengths, and a
   * valid label so that a gather on it cannot fail.
   */
  public static final int LABEL_PADDING = 0;

  public static SpeechBatch of(NDManager manager, List<Utterance> utterances, int context) {
    if (utterances.isEmpty()) {
      throw new IllegalArgumentException("a batch needs at least one utterance");
    }
    int n = utterances.size();
    int c = utterances.get(0).mfcc()[0].length;
    int width = c * (2 * context + 1);
    int tMax = 0;
    int lMax = 0;
    for (Utterance u : utterances) {
      if (u.mfcc()[0].length != c) {
        throw new IllegalArgumentException("utterances with different numbers of coefficients");
      }
      tMax = Math.max(tMax, u.frames());
      lMax = Math.max(lMax, u.labels().length);
    }
    float[] features = new float[n * tMax * width];
    int[] featureLengths = new int[n];
    int[] labels = new int[n * lMax];
    int[] labelLengths = new int[n];
    java.util.Arrays.fill(labels, LABEL_PADDING);
    float[] row = new float[width];
    for (int i = 0; i < n; i++) {
      Utterance u = utterances.get(i);
      for (int t = 0; t < u.frames(); t++) {
        ContextWindows.fill(u.mfcc(), context, t, row, 0);
        System.arraycopy(row, 0, features, (i * tMax + t) * width, width);
      }
      featureLengths[i] = u.frames();
      System.arraycopy(u.labels(), 0, labels, i * lMax, u.labels().length);
      labelLengths[i] = u.labels().length;
    }
    return new SpeechBatch(
        manager.create(features, new Shape(n, tMax, width)),
        manager.create(featureLengths),
        manager.create(labels, new Shape(n, lMax)),
        manager.create(labelLengths));
  }

  public NDList toList() {
    return new NDList(features, featureLengths, labels, labelLengths);
  }
}
