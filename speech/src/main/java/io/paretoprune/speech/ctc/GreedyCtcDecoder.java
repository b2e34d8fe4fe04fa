package io.paretoprune.speech.ctc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import java.util.ArrayList;
import java.util.List;

/**
 * Best-path CTC decoding: the most likely class of every frame, repeats collapsed, blanks dropped,
 * mapped to text by the alphabet. No language model and no beam, so it is what the acoustic model
 * alone transcribes.
 */
public final class GreedyCtcDecoder {
  private final Alphabet alphabet;

  public GreedyCtcDecoder(Alphabet alphabet) {
    this.alphabet = alphabet;
  }

  /**
   * The symbol classes of a best path: each run of one class kept once, then blanks removed (so a
   * blank between two equal classes keeps both).
   */
  public static int[] collapse(int[] bestPath, int blank) {
    int[] out = new int[bestPath.length];
    int n = 0;
    int previous = -1;
    for (int c : bestPath) {
      if (c != previous && c != blank) {
        out[n++] = c;
      }
      previous = c;
    }
    return java.util.Arrays.copyOf(out, n);
  }

  /** {@link #decode(NDArray, int[])} with the input lengths as an array {@code [batch]}. */
  public List<String> decode(NDArray logits, NDArray inputLengths) {
    return decode(logits, PaddedLabels.lengths(inputLengths));
  }

  /**
   * The transcripts of a batch.
   *
   * @param logits scores {@code [batch, frames, classes]} (logits or log-probabilities: the argmax
   *     is the same)
   * @param inputLengths frames of each sample; frames after it are padding and ignored
   */
  public List<String> decode(NDArray logits, int[] inputLengths) {
    Shape shape = logits.getShape();
    if (shape.dimension() != 3 || shape.get(2) != alphabet.classes()) {
      throw new IllegalArgumentException(
          "expected logits [batch, frames, "
              + alphabet.classes()
              + "] for an alphabet of "
              + alphabet.size()
              + " symbols and the blank, got "
              + shape);
    }
    int batch = Math.toIntExact(shape.get(0));
    int frames = Math.toIntExact(shape.get(1));
    int classes = alphabet.classes();
    if (inputLengths.length != batch) {
      throw new IllegalArgumentException(
          inputLengths.length + " input lengths for a batch of " + batch);
    }
    // Argmax on the host: ties go to the lowest class, the same on every engine.
    float[] host = logits.toType(DataType.FLOAT32, false).toFloatArray();
    List<String> out = new ArrayList<>(batch);
    for (int b = 0; b < batch; b++) {
      if (inputLengths[b] < 0 || inputLengths[b] > frames) {
        throw new IllegalArgumentException(
            "sample " + b + ": input length " + inputLengths[b] + " not in [0, " + frames + "]");
      }
      int[] path = new int[inputLengths[b]];
      for (int t = 0; t < path.length; t++) {
        int base = (b * frames + t) * classes;
        int best = 0;
        for (int k = 1; k < classes; k++) {
          if (host[base + k] > host[base + best]) {
            best = k;
          }
        }
        path[t] = best;
      }
      out.add(alphabet.decode(collapse(path, alphabet.blank())));
    }
    return out;
  }
}
