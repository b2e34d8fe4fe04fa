package io.paretoprune.core.data;

import java.io.BufferedInputStream;
import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.zip.GZIPInputStream;

/**
 * Reads the IDX files of MNIST and Fashion-MNIST, raw or gzipped (detected by the gzip magic bytes,
 * not the name).
 *
 * <p>The header is checked before anything is allocated: magic (two zero bytes, type 0x08 for
 * unsigned bytes, the expected number of dimensions), sizes within sane limits, and for raw files
 * the exact file length; a gzipped file's content length is checked as it streams, so a broken or
 * hostile header cannot make the reader allocate more than the limits allow. Hand-written because
 * the format is four lines of spec and no maintained Java library reads it without DJL's
 * downloading data sets.
 */
public final class IdxReader {
  /** More images than any IDX data set has; a larger count is a broken header. */
  static final int MAX_COUNT = 10_000_000;

  static final int MAX_SIDE = 4096;

  private IdxReader() {}

  /** Unsigned-byte images [n, rows, cols] and their count and shape. */
  public record Images(byte[] pixels, int count, int rows, int cols) {}

  public static Images readImages(Path file) {
    try (DataInputStream in = open(file)) {
      int[] dims = header(file, in, 3);
      int n = dims[0];
      int rows = dims[1];
      int cols = dims[2];
      if (rows < 1 || cols < 1 || rows > MAX_SIDE || cols > MAX_SIDE) {
        throw new DatasetFormatException(
            file, "image size " + rows + "x" + cols + " is not plausible");
      }
      long bytes = (long) n * rows * cols;
      if (bytes > Integer.MAX_VALUE - 8) {
        throw new DatasetFormatException(
            file, n + " images of " + rows + "x" + cols + " exceed what one array holds");
      }
      checkRawLength(file, 16 + bytes);
      byte[] pixels = new byte[(int) bytes];
      readFully(file, in, pixels);
      expectEnd(file, in);
      return new Images(pixels, n, rows, cols);
    } catch (IOException e) {
      throw new DatasetFormatException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /** Labels [n] as unsigned bytes. */
  public static byte[] readLabels(Path file) {
    try (DataInputStream in = open(file)) {
      int n = header(file, in, 1)[0];
      checkRawLength(file, 8 + (long) n);
      byte[] labels = new byte[n];
      readFully(file, in, labels);
      expectEnd(file, in);
      return labels;
    } catch (IOException e) {
      throw new DatasetFormatException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  /**
   * Reads an image file and its label file, checks counts and label range, and returns them as
   * one-channel {@link LabeledImages}.
   */
  public static LabeledImages read(Path images, Path labels, int classes) {
    Images im = readImages(images);
    byte[] lab = readLabels(labels);
    if (lab.length != im.count()) {
      throw new DatasetFormatException(
          labels,
          lab.length + " labels for the " + im.count() + " images of " + images.getFileName());
    }
    for (int i = 0; i < lab.length; i++) {
      int l = lab[i] & 0xff;
      if (l >= classes) {
        throw new DatasetFormatException(
            labels, "label " + l + " of item " + i + " is outside 0.." + (classes - 1));
      }
    }
    return new LabeledImages(
        images.toString(), im.pixels(), lab, im.count(), 1, im.rows(), im.cols(), classes);
  }

  /**
   * Checks a file's header (and, for raw files, its length) without reading the data.
   *
   * @param dims 3 for images, 1 for labels
   */
  public static void checkHeader(Path file, int dims) {
    try (DataInputStream in = open(file)) {
      int[] sizes = header(file, in, dims);
      long bytes = 1;
      for (int s : sizes) {
        bytes *= s;
      }
      checkRawLength(file, 4 + 4L * dims + bytes);
    } catch (IOException e) {
      throw new DatasetFormatException(file, "cannot read: " + e.getMessage(), e);
    }
  }

  private static DataInputStream open(Path file) throws IOException {
    InputStream raw;
    try {
      raw = new BufferedInputStream(Files.newInputStream(file), 1 << 16);
    } catch (NoSuchFileException e) {
      throw new DatasetFormatException(file, "file not found");
    }
    raw.mark(2);
    int b0 = raw.read();
    int b1 = raw.read();
    raw.reset();
    if (b0 == 0x1f && b1 == 0x8b) {
      return new DataInputStream(
          new BufferedInputStream(new GZIPInputStream(raw, 1 << 16), 1 << 16));
    }
    return new DataInputStream(raw);
  }

  private static int[] header(Path file, DataInputStream in, int expectedDims) throws IOException {
    int magic;
    try {
      magic = in.readInt();
    } catch (EOFException e) {
      throw new DatasetFormatException(file, "file is shorter than an IDX header");
    }
    if ((magic >>> 16) != 0) {
      throw new DatasetFormatException(
          file, String.format("not an IDX file (magic 0x%08x)", magic));
    }
    int type = (magic >>> 8) & 0xff;
    if (type != 0x08) {
      throw new DatasetFormatException(
          file, String.format("IDX type 0x%02x is not unsigned byte (0x08)", type));
    }
    int dims = magic & 0xff;
    if (dims != expectedDims) {
      throw new DatasetFormatException(file, dims + " dimensions, expected " + expectedDims);
    }
    int[] sizes = new int[dims];
    for (int i = 0; i < dims; i++) {
      try {
        sizes[i] = in.readInt();
      } catch (EOFException e) {
        throw new DatasetFormatException(file, "header ends before its " + dims + " sizes");
      }
      if (sizes[i] < 0) {
        throw new DatasetFormatException(file, "negative size " + sizes[i] + " in the header");
      }
    }
    if (sizes[0] > MAX_COUNT) {
      throw new DatasetFormatException(
          file, "count " + sizes[0] + " in the header is not plausible");
    }
    return sizes;
  }

  /**
   * For a raw file the length is known up front: check it before allocating. A gzipped file can
   * hold at most ~1032 bytes per compressed byte (deflate's limit), which bounds what a header may
   * claim.
   */
  private static void checkRawLength(Path file, long expected) throws IOException {
    if (isGzip(file)) {
      if (expected > Files.size(file) * 1032 + 1024) {
        throw new DatasetFormatException(
            file, "header claims " + expected + " bytes, more than the compressed file can hold");
      }
    } else {
      long actual = Files.size(file);
      if (actual != expected) {
        throw new DatasetFormatException(
            file,
            "header says "
                + expected
                + " bytes, file has "
                + actual
                + (actual < expected ? " (truncated)" : " (trailing bytes)"));
      }
    }
  }

  private static boolean isGzip(Path file) throws IOException {
    try (InputStream in = Files.newInputStream(file)) {
      return in.read() == 0x1f && in.read() == 0x8b;
    }
  }

  private static void readFully(Path file, DataInputStream in, byte[] into) throws IOException {
    try {
      in.readFully(into);
    } catch (EOFException e) {
      throw new DatasetFormatException(
          file, "data ends before the " + into.length + " bytes the header announces (truncated)");
    }
  }

  private static void expectEnd(Path file, DataInputStream in) throws IOException {
    if (in.read() != -1) {
      throw new DatasetFormatException(file, "trailing bytes after the data the header announces");
    }
  }
}
