package io.paretoprune.core.data;

/**
 * Images as unsigned bytes in NCHW order with their labels, as read from disk.
 *
 * @param source where they came from, for messages
 * @param pixels {@code count * channels * height * width} unsigned bytes, NCHW
 * @param labels one class index per image, {@code 0 <= label < classes}
 */
public record LabeledImages(
    String source,
    byte[] pixels,
    byte[] labels,
    int count,
    int channels,
    int height,
    int width,
    int classes) {
  public LabeledImages {
    long expected = (long) count * channels * height * width;
    if (pixels.length != expected || labels.length != count) {
      throw new IllegalArgumentException(
          source
              + ": "
              + pixels.length
              + " pixels and "
              + labels.length
              + " labels do not fit "
              + count
              + "x"
              + channels
              + "x"
              + height
              + "x"
              + width);
    }
  }

  /**
   * A suite's {@code train_limit} / {@code test_limit}: the first {@code limit} images, all at 0.
   */
  public LabeledImages limit(int limit) {
    return limit > 0 ? head(limit) : this;
  }

  /** The first {@code n} images (all when {@code n >= count}). */
  public LabeledImages head(int n) {
    if (n >= count) {
      return this;
    }
    int per = channels * height * width;
    byte[] p = java.util.Arrays.copyOf(pixels, n * per);
    byte[] l = java.util.Arrays.copyOf(labels, n);
    return new LabeledImages(source, p, l, n, channels, height, width, classes);
  }
}
