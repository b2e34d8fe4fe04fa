package io.paretoprune.speech.ctc;

import java.util.HashMap;
import java.util.Map;

/**
 * The characters a speech model emits, one class each, with the CTC blank as the extra last class:
 * the one alphabet of the corpus reader (transcripts to labels), the CTC loss and the decoder.
 *
 * <p>DeepSpeech's English alphabet ({@code data/alphabet.txt}) is label 0 the space, 1 to 26 {@code
 * a} to {@code z}, 27 the apostrophe (28 symbols); the blank is not a character, DeepSpeech puts it
 * after the last label ({@code n_hidden_6 = alphabet size + 1}), so it is class 28 and the model
 * has 29 outputs.
 */
public final class Alphabet {
  private static final String DEEPSPEECH_ENGLISH = " abcdefghijklmnopqrstuvwxyz'";
  private static final Alphabet ENGLISH =
      new Alphabet(DEEPSPEECH_ENGLISH, "space, a-z, apostrophe");

  private final int[] symbols;
  private final String description;
  private final Map<Integer, Integer> indexOf = new HashMap<>();

  private Alphabet(String symbols, String description) {
    this.description = description;
    this.symbols = symbols.codePoints().toArray();
    if (this.symbols.length == 0) {
      throw new IllegalArgumentException("an alphabet needs at least one symbol");
    }
    for (int i = 0; i < this.symbols.length; i++) {
      if (indexOf.put(this.symbols[i], i) != null) {
        throw new IllegalArgumentException(
            "alphabet symbol '" + Character.toString(this.symbols[i]) + "' appears twice");
      }
    }
  }

  /** DeepSpeech's English alphabet: space, a-z, apostrophe; blank 28. */
  public static Alphabet deepSpeechEnglish() {
    return ENGLISH;
  }

  /** An alphabet of the given symbols in class order (each code point one class). */
  public static Alphabet of(String symbols) {
    return new Alphabet(symbols, "\"" + symbols + "\"");
  }

  /** Number of symbols, without the blank. */
  public int size() {
    return symbols.length;
  }

  /** The blank's class: the one after the last symbol. */
  public int blank() {
    return symbols.length;
  }

  /** The model's output count: symbols plus the blank. */
  public int classes() {
    return symbols.length + 1;
  }

  /**
   * The class of each character of {@code text}.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet (a control
   *     character by its code) and its position, counted from 1
   */
  public int[] encode(String text) {
    int[] points = text.codePoints().toArray();
    int[] out = new int[points.length];
    for (int i = 0; i < points.length; i++) {
      Integer c = indexOf.get(points[i]);
      if (c == null) {
        throw new IllegalArgumentException(
            "character '"
                + (Character.isISOControl(points[i])
                    ? String.format("\\u%04x", points[i])
                    : Character.toString(points[i]))
                + "' at position "
                + (i + 1)
                + " is not in the alphabet ("
                + description
                + ")");
      }
      out[i] = c;
    }
    return out;
  }

  /**
   * The text of a sequence of symbol classes.
   *
   * @throws IllegalArgumentException for the blank or a class out of range
   */
  public String decode(int[] classes) {
    StringBuilder sb = new StringBuilder(classes.length);
    for (int c : classes) {
      if (c < 0 || c >= symbols.length) {
        throw new IllegalArgumentException(
            "class " + c + " is not a symbol of this alphabet (0.." + (symbols.length - 1) + ")");
      }
      sb.appendCodePoint(symbols[c]);
    }
    return sb.toString();
  }
}
