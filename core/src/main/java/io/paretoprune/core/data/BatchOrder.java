package io.paretoprune.core.data;

import io.paretoprune.core.engine.Seeds;
import java.util.Arrays;
import java.util.Locale;
import java.util.SplittableRandom;

/**
 * How an epoch's training examples are dealt into batches.
 *
 * <ul>
 *   <li>{@link #SHUFFLED}: a fresh random permutation every epoch (the paper's code; Keras' {@code
 *       shuffle=True}); a last partial batch is dropped.
 *   <li>{@link #BY_LENGTH}: for sequences of different lengths. The examples left out of the
 *       epoch's full batches are drawn at random as for {@code SHUFFLED}; the others are sorted by
 *       length, cut into batches of neighbours, and the batches dealt in a random order. Each batch
 *       is then padded only to its own longest example (the trainer cuts every batch to it), so an
 *       epoch computes on little more than the real frames. This is the bucketing of ESPnet and
 *       fairseq; Mozilla DeepSpeech sorts its training set by size the same way but keeps the
 *       batches ascending.
 * </ul>
 */
public enum BatchOrder {
  SHUFFLED,
  BY_LENGTH;

  /** The suite's name of this order. */
  public String key() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The order named {@code key} ({@code shuffled}, {@code by_length}), or null if none. */
  public static BatchOrder byKey(String key) {
    for (BatchOrder o : values()) {
      if (o.key().equals(key)) {
        return o;
      }
    }
    return null;
  }

  /**
   * One epoch's order of {@code 0..n-1}: step s takes positions {@code [s b, (s + 1) b)}, the
   * {@code n mod b} examples at the end are left out.
   *
   * @param lengths each example's length, needed for {@link #BY_LENGTH}, else ignored
   */
  public long[] epoch(int n, int batchSize, int[] lengths, SplittableRandom random) {
    long[] p = Seeds.permutation(n, random);
    if (this == SHUFFLED) {
      return p;
    }
    if (lengths == null || lengths.length != n) {
      throw new IllegalArgumentException(
          "batch order by_length needs each example's length; this data set's examples have one"
              + " size");
    }
    int batches = n / batchSize;
    int used = batches * batchSize;
    long[] kept = byLength(Arrays.copyOf(p, used), lengths);
    long[] dealt = Seeds.permutation(batches, random);
    long[] out = new long[n];
    for (int b = 0; b < batches; b++) {
      int from = (int) dealt[b] * batchSize;
      for (int j = 0; j < batchSize; j++) {
        out[b * batchSize + j] = kept[from + j];
      }
    }
    System.arraycopy(p, used, out, used, n - used);
    return out;
  }

  /**
   * {@code rows} sorted by their examples' lengths, ties by index, in place and returned: the order
   * of by-length batches and of evaluation. Each row is packed with its length into one long
   * (length above, index below; both below 2^31) so that a primitive sort does it.
   */
  static long[] byLength(long[] rows, int[] lengths) {
    for (int i = 0; i < rows.length; i++) {
      rows[i] = ((long) lengths[(int) rows[i]] << 32) | rows[i];
    }
    Arrays.sort(rows);
    for (int i = 0; i < rows.length; i++) {
      rows[i] &= 0xffff_ffffL;
    }
    return rows;
  }
}
