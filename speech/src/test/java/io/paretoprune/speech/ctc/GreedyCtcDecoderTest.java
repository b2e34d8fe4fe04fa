package io.paretoprune.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GreedyCtcDecoderTest {
  private static final Alphabet ABC = Alphabet.deepSpeechEnglish();
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void deepSpeechAlphabetHas28SymbolsAndTheBlankLast() {
    assertEquals(28, ABC.size());
    assertEquals(28, ABC.blank());
    assertEquals(29, ABC.classes());
    assertArrayEquals(new int[] {0, 1, 26, 27}, ABC.encode(" az'"));
    assertEquals("four one", ABC.decode(ABC.encode("four one")));
  }

  @Test
  void characterOutsideTheAlphabetIsNamedWithItsPosition() {
    assertEquals(
        "character 'F' at position 1 is not in the alphabet (space, a-z, apostrophe)",
        assertThrows(IllegalArgumentException.class, () -> ABC.encode("Four")).getMessage());
    assertEquals(
        "character '\\u0009' at position 4 is not in the alphabet (\"abc\")",
        assertThrows(IllegalArgumentException.class, () -> Alphabet.of("abc").encode("abc\t"))
            .getMessage());
    assertThrows(IllegalArgumentException.class, () -> ABC.decode(new int[] {28}));
    assertThrows(IllegalArgumentException.class, () -> Alphabet.of("abca"));
  }

  @Test
  void collapseKeepsRepeatsSeparatedByBlanks() {
    int b = 9;
    assertArrayEquals(
        new int[] {1, 1, 2, 3},
        GreedyCtcDecoder.collapse(new int[] {b, 1, 1, b, 1, 2, 2, 3, b}, b));
    assertArrayEquals(new int[0], GreedyCtcDecoder.collapse(new int[] {b, b, b}, b));
    assertArrayEquals(new int[] {4}, GreedyCtcDecoder.collapse(new int[] {4, 4, 4}, b));
  }

  /** Logits that put 1 on each frame's class and 0 elsewhere. */
  private static float[] oneHot(int[][] paths, int frames) {
    float[] x = new float[paths.length * frames * ABC.classes()];
    for (int b = 0; b < paths.length; b++) {
      for (int t = 0; t < frames; t++) {
        int c = t < paths[b].length ? paths[b][t] : ABC.encode("z")[0];
        x[(b * frames + t) * ABC.classes() + c] = 1;
      }
    }
    return x;
  }

  @Test
  void decodesABatchAndIgnoresPadding() {
    int blank = ABC.blank();
    int o = ABC.encode("o")[0];
    int n = ABC.encode("n")[0];
    int e = ABC.encode("e")[0];
    int space = ABC.encode(" ")[0];
    int[][] paths = {
      {blank, o, o, n, blank, e, e, space, blank},
      {o, blank, o, blank},
    };
    NDArray logits = manager.create(oneHot(paths, 9), new Shape(2, 9, ABC.classes()));
    // Frames 4.. of the second sample are padding (one-hot "z") and must not be read.
    assertEquals(List.of("one ", "oo"), new GreedyCtcDecoder(ABC).decode(logits, new int[] {9, 4}));
    assertEquals(
        List.of("one ", "oo"),
        new GreedyCtcDecoder(ABC).decode(logits, manager.create(new long[] {9, 4})));
  }

  @Test
  void tiesGoToTheLowestClass() {
    NDArray logits = manager.zeros(new Shape(1, 3, ABC.classes()));
    assertEquals(List.of(" "), new GreedyCtcDecoder(ABC).decode(logits, new int[] {3}));
  }

  @Test
  void wrongShapesAndLengthsAreRefused() {
    GreedyCtcDecoder decoder = new GreedyCtcDecoder(ABC);
    assertThrows(
        IllegalArgumentException.class,
        () -> decoder.decode(manager.zeros(new Shape(1, 3, 10)), new int[] {3}));
    assertEquals(
        "sample 0: input length 4 not in [0, 3]",
        assertThrows(
                IllegalArgumentException.class,
                () -> decoder.decode(manager.zeros(new Shape(1, 3, 29)), new int[] {4}))
            .getMessage());
  }
}
