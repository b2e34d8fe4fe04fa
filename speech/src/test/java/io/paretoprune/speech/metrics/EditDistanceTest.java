package io.paretoprune.speech.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import java.util.List;
import java.util.Random;
import org.junit.jupiter.api.Test;

class EditDistanceTest {

  /** The definition, recursively, without memo: only for short sequences. */
  static int bruteForce(int[] a, int i, int[] b, int j) {
    if (i == a.length) {
      return b.length - j;
    }
    if (j == b.length) {
      return a.length - i;
    }
    int substitute = bruteForce(a, i + 1, b, j + 1) + (a[i] == b[j] ? 0 : 1);
    int delete = bruteForce(a, i + 1, b, j) + 1;
    int insert = bruteForce(a, i, b, j + 1) + 1;
    return Math.min(substitute, Math.min(delete, insert));
  }

  @Test
  void handWorkedExamples() {
    assertEquals(3, EditDistance.of("kitten", "sitting"));
    assertEquals(0, EditDistance.of("four", "four"));
    assertEquals(4, EditDistance.of("", "four"));
    assertEquals(4, EditDistance.of("four", ""));
    assertEquals(2, EditDistance.of("ab", "ba"));
    assertEquals(1, EditDistance.of(List.of("four", "one", "seven"), List.of("four", "seven")));
    assertEquals(2, EditDistance.of(List.of("four", "one"), List.of("for", "one", "one")));
  }

  @Test
  void matchesTheRecursiveDefinitionOnRandomShortSequences() {
    Random rng = new Random(13);
    for (int trial = 0; trial < 300; trial++) {
      int[] a = rng.ints(rng.nextInt(7), 0, 3).toArray();
      int[] b = rng.ints(rng.nextInt(7), 0, 3).toArray();
      assertEquals(
          bruteForce(a, 0, b, 0),
          EditDistance.of(a, b),
          Arrays.toString(a) + " vs " + Arrays.toString(b));
    }
  }
}
