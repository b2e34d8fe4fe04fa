package io.paretoprune.speech.corpus;

/**
 * DeepSpeech's English alphabet ({@code data/alphabet.txt}): label 0 is the space, 1 to 26 are a to
 * z, 27 the apostrophe. The CTC blank is not a character; DeepSpeech puts it after the last label
 * ({@code n_hidden_6 = alphabet size + 1}), so a model has {@link #size()} + 1 outputs.
 */
public final class Alphabet {
  /** Characters in label order. */
  public static final String CHARACTERS = " abcdefghijklmnopqrstuvwxyz'";

  private Alphabet() {}

  /** 28 labels. */
  public static int size() {
    return CHARACTERS.length();
  }

  /** The label of {@code c}, or -1 when the alphabet lacks it. */
  public static int label(char c) {
    return CHARACTERS.indexOf(c);
  }

  /** The character of a label. */
  public static char character(int label) {
    return CHARACTERS.charAt(label);
  }

  /**
   * The labels of a transcript.
   *
   * @throws IllegalArgumentException naming the first character outside the alphabet
   */
  public static int[] encode(String transcript) {
    int[] labels = new int[transcript.length()];
    for (int i = 0; i < labels.length; i++) {
      char c = transcript.charAt(i);
      labels[i] = label(c);
      if (labels[i] < 0) {
        throw new IllegalArgumentException(
            "character '"
                + (Character.isISOControl(c) ? String.format("\\u%04x", (int) c) : c)
                + "' at position "
                + (i + 1)
                + " is not in the alphabet (space, a-z, apostrophe)");
      }
    }
    return labels;
  }

  /** The transcript of labels. */
  public static String decode(int[] labels) {
    StringBuilder b = new StringBuilder(labels.length);
    for (int l : labels) {
      b.append(character(l));
    }
    return b.toString();
  }

  /**
   * The fewest time steps CTC needs for these labels: one per label plus a blank between each pair
   * of equal neighbours.
   */
  public static int minimumFrames(int[] labels) {
    int n = labels.length;
    for (int i = 1; i < labels.length; i++) {
      if (labels[i] == labels[i - 1]) {
        n++;
      }
    }
    return n;
  }
}
