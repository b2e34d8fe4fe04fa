package io.paretoprune.speech.audio;

/**
 * DeepSpeech's input windows ({@code create_overlapping_windows} in {@code train.py}): every frame
 * with {@code context} frames before and after it, flattened in time order, frames outside the
 * utterance zero (its identity-filter convolution uses 'SAME' padding), so T frames of C
 * coefficients become T rows of C x (2 context + 1) values.
 */
public final class ContextWindows {
  private ContextWindows() {}

  /** [T][C] to [T][C (2 context + 1)]. */
  public static float[][] expand(float[][] frames, int context) {
    int t = frames.length;
    int c = t == 0 ? 0 : frames[0].length;
    float[][] out = new float[t][c * (2 * context + 1)];
    for (int i = 0; i < t; i++) {
      fill(frames, context, i, out[i], 0);
    }
    return out;
  }

  /** Writes frame {@code i}'s window into {@code dest} from {@code offset}. */
  public static void fill(float[][] frames, int context, int i, float[] dest, int offset) {
    int c = frames[0].length;
    for (int d = -context; d <= context; d++) {
      int src = i + d;
      int at = offset + (d + context) * c;
      if (src >= 0 && src < frames.length) {
        System.arraycopy(frames[src], 0, dest, at, c);
      } else {
        java.util.Arrays.fill(dest, at, at + c, 0f);
      }
    }
  }
}
