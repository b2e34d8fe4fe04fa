package io.paretoprune.optimizers;

import io.paretoprune.core.data.LabeledImages;
import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/**
 * A minimal reader of raw MNIST IDX files for this module's real-data test only; the project's data
 * readers live elsewhere. It checks the magic numbers and that the header's sizes match the file
 * length.
 */
final class MnistIdx {
  private MnistIdx() {}

  static LabeledImages read(Path images, Path labels) throws IOException {
    if (Files.size(images) > 100_000_000L || Files.size(labels) > 1_000_000L) {
      throw new IOException("larger than any MNIST split: " + images + ", " + labels);
    }
    ByteBuffer img = ByteBuffer.wrap(Files.readAllBytes(images));
    ByteBuffer lab = ByteBuffer.wrap(Files.readAllBytes(labels));
    expect(img.getInt() == 0x803, images, "magic is not 0x00000803");
    int n = img.getInt();
    int rows = img.getInt();
    int cols = img.getInt();
    expect(rows == 28 && cols == 28, images, "images are " + rows + "x" + cols);
    expect(img.capacity() == 16 + (long) n * rows * cols, images, "length does not fit " + n);
    expect(lab.getInt() == 0x801, labels, "magic is not 0x00000801");
    expect(lab.getInt() == n && lab.capacity() == 8 + n, labels, "does not hold " + n + " labels");
    byte[] pixels = Arrays.copyOfRange(img.array(), 16, img.capacity());
    byte[] classes = Arrays.copyOfRange(lab.array(), 8, lab.capacity());
    return new LabeledImages(images.toString(), pixels, classes, n, 1, rows, cols, 10);
  }

  private static void expect(boolean ok, Path file, String problem) throws IOException {
    if (!ok) {
      throw new IOException(file + ": " + problem);
    }
  }
}
