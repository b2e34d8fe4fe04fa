package io.paretoprune.core.testing;

import io.paretoprune.core.data.LabeledImages;
import java.util.SplittableRandom;

/**
 * Learnable image data made on the spot: each class is a noisy bright square at its own place, so a
 * small CNN or MLP separates the classes within an epoch.
 */
public final class SyntheticData {
  private SyntheticData() {}

  public static LabeledImages squares(int count, int classes, int size, long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    byte[] pixels = new byte[count * size * size];
    byte[] labels = new byte[count];
    int cells = (int) Math.ceil(Math.sqrt(classes));
    int cell = size / cells;
    for (int n = 0; n < count; n++) {
      int label = r.nextInt(classes);
      labels[n] = (byte) label;
      int cy = (label / cells) * cell;
      int cx = (label % cells) * cell;
      for (int y = 0; y < size; y++) {
        for (int x = 0; x < size; x++) {
          boolean inside = y >= cy && y < cy + cell && x >= cx && x < cx + cell;
          int v = (inside ? 160 : 0) + r.nextInt(90);
          pixels[n * size * size + y * size + x] = (byte) Math.min(255, v);
        }
      }
    }
    return new LabeledImages("synthetic", pixels, labels, count, 1, size, size, classes);
  }
}
