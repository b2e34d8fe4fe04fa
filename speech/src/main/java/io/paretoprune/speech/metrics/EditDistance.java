package io.paretoprune.speech.metrics;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Levenshtein distance: the fewest insertions, deletions and substitutions that turn one sequence
 * into another, each costing one.
 *
 * <p>Hand-written (two rows of the usual dynamic programme) because the one in Commons Text works
 * on character sequences only and word error rates need it over words.
 */
public final class EditDistance {
  private EditDistance() {}

  /** The distance between two sequences of tokens. */
  public static int of(int[] reference, int[] hypothesis) {
    int[] previous = new int[hypothesis.length + 1];
    int[] current = new int[hypothesis.length + 1];
    for (int j = 0; j <= hypothesis.length; j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= reference.length; i++) {
      current[0] = i;
      for (int j = 1; j <= hypothesis.length; j++) {
        int substitution = previous[j - 1] + (reference[i - 1] == hypothesis[j - 1] ? 0 : 1);
        current[j] = Math.min(substitution, Math.min(previous[j], current[j - 1]) + 1);
      }
      int[] swap = previous;
      previous = current;
      current = swap;
    }
    return previous[hypothesis.length];
  }

  /** The distance between two lists of words (or any tokens with equals). */
  public static <T> int of(List<T> reference, List<T> hypothesis) {
    Map<T, Integer> ids = new HashMap<>();
    return of(ids(reference, ids), ids(hypothesis, ids));
  }

  /** The distance between two strings, over Unicode code points. */
  public static int of(String reference, String hypothesis) {
    return of(reference.codePoints().toArray(), hypothesis.codePoints().toArray());
  }

  private static <T> int[] ids(List<T> tokens, Map<T, Integer> ids) {
    int[] out = new int[tokens.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = ids.computeIfAbsent(tokens.get(i), k -> ids.size());
    }
    return out;
  }
}
