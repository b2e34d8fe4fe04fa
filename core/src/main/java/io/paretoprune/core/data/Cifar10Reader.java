package io.paretoprune.core.data;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * Reads CIFAR-10's official binary layout: {@code data_batch_1.bin .. data_batch_5.bin} and {@code
 * test_batch.bin}, records of 3,073 bytes (a label byte, then 1,024 red, 1,024 green and 1,024 blue
 * bytes of a 32x32 image), which is NCHW already.
 */
public final class Cifar10Reader {
  static final int SIDE = 32;
  static final int RECORD = 1 + 3 * SIDE * SIDE;
  static final List<String> TRAIN =
      List.of(
          "data_batch_1.bin",
          "data_batch_2.bin",
          "data_batch_3.bin",
          "data_batch_4.bin",
          "data_batch_5.bin");
  static final String TEST = "test_batch.bin";

  private Cifar10Reader() {}

  public static LabeledImages train(Path dir) {
    return read(dir, TRAIN);
  }

  public static LabeledImages test(Path dir) {
    return read(dir, List.of(TEST));
  }

  static LabeledImages read(Path dir, List<String> names) {
    long total = 0;
    for (String n : names) {
      Path f = dir.resolve(n);
      if (!Files.isRegularFile(f)) {
        throw new DatasetFormatException(
            f, "file not found (CIFAR-10 binary version: data_batch_1..5.bin, test_batch.bin)");
      }
      try {
        long size = Files.size(f);
        if (size == 0 || size % RECORD != 0) {
          throw new DatasetFormatException(
              f, size + " bytes is not a whole number of 3,073-byte records");
        }
        total += size / RECORD;
      } catch (IOException e) {
        throw new DatasetFormatException(f, "cannot read: " + e.getMessage(), e);
      }
    }
    int count = Math.toIntExact(total);
    int per = 3 * SIDE * SIDE;
    byte[] pixels = new byte[count * per];
    byte[] labels = new byte[count];
    int at = 0;
    for (String n : names) {
      Path f = dir.resolve(n);
      byte[] all;
      try {
        all = Files.readAllBytes(f);
      } catch (IOException e) {
        throw new DatasetFormatException(f, "cannot read: " + e.getMessage(), e);
      }
      for (int r = 0; r < all.length / RECORD; r++, at++) {
        int label = all[r * RECORD] & 0xff;
        if (label >= 10) {
          throw new DatasetFormatException(
              f, "label " + label + " of record " + r + " is outside 0..9");
        }
        labels[at] = (byte) label;
        System.arraycopy(all, r * RECORD + 1, pixels, at * per, per);
      }
    }
    return new LabeledImages(dir.toString(), pixels, labels, count, 3, SIDE, SIDE, 10);
  }
}
