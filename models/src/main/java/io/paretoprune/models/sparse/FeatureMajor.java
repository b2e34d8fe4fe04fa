package io.paretoprune.models.sparse;

/**
 * Activations of a batch stored feature-major, one array per feature holding that feature for every
 * example ({@code x[feature][example]}). Kernels then run their inner loop over the batch with the
 * same index on input and output arrays, which C2's auto-vectoriser needs: with one flat array and
 * two offsets into it ({@code y[o + b] += v * x[p + b]}) it must assume the two ranges overlap and
 * emits scalar code (measured 3-7x slower on a 256-long axpy; JDK 17, AVX-512).
 */
final class FeatureMajor {
  private FeatureMajor() {}

  /** Row-major {@code [batch, features]} to feature-major. */
  static float[][] of(float[] rowMajor, int batch, int features) {
    float[][] x = new float[features][batch];
    for (int b = 0; b < batch; b++) {
      int base = b * features;
      for (int f = 0; f < features; f++) {
        x[f][b] = rowMajor[base + f];
      }
    }
    return x;
  }

  /** Feature-major back to row-major {@code [batch, features]}. */
  static float[] toRowMajor(float[][] x, int batch) {
    int features = x.length;
    float[] out = new float[batch * features];
    for (int f = 0; f < features; f++) {
      float[] col = x[f];
      for (int b = 0; b < batch; b++) {
        out[b * features + f] = col[b];
      }
    }
    return out;
  }
}
