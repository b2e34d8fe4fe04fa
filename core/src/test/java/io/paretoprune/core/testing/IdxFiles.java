package io.paretoprune.core.testing;

import io.paretoprune.core.data.LabeledImages;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes images in the IDX layout MNIST uses, so tests can make a data directory of their own. */
public final class IdxFiles {
  private IdxFiles() {}

  /** Writes {@code train} and {@code test} as the four MNIST files into {@code dir}. */
  public static void writeMnistLayout(Path dir, LabeledImages train, LabeledImages test)
      throws IOException {
    Files.createDirectories(dir);
    writeImages(dir.resolve("train-images-idx3-ubyte"), train);
    writeLabels(dir.resolve("train-labels-idx1-ubyte"), train);
    writeImages(dir.resolve("t10k-images-idx3-ubyte"), test);
    writeLabels(dir.resolve("t10k-labels-idx1-ubyte"), test);
  }

  public static void writeImages(Path file, LabeledImages images) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(0x00000803);
      out.writeInt(images.count());
      out.writeInt(images.height());
      out.writeInt(images.width());
      out.write(images.pixels());
    }
  }

  public static void writeLabels(Path file, LabeledImages images) throws IOException {
    try (OutputStream raw = Files.newOutputStream(file);
        DataOutputStream out = new DataOutputStream(raw)) {
      out.writeInt(0x00000801);
      out.writeInt(images.count());
      out.write(images.labels());
    }
  }
}
