package io.paretoprune.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.io.ByteArrayOutputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class IdxReaderTest {
  @TempDir Path dir;

  private static byte[] idx(int magic, int[] sizes, int dataBytes) throws IOException {
    ByteArrayOutputStream b = new ByteArrayOutputStream();
    DataOutputStream out = new DataOutputStream(b);
    out.writeInt(magic);
    for (int s : sizes) {
      out.writeInt(s);
    }
    for (int i = 0; i < dataBytes; i++) {
      out.writeByte(i % 7);
    }
    return b.toByteArray();
  }

  private Path file(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    Files.write(f, content);
    return f;
  }

  private Path gz(String name, byte[] content) throws IOException {
    Path f = dir.resolve(name);
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(f))) {
      out.write(content);
    }
    return f;
  }

  private static String fails(Path f, boolean images) {
    DatasetFormatException e =
        assertThrows(
            DatasetFormatException.class,
            () -> {
              if (images) {
                IdxReader.readImages(f);
              } else {
                IdxReader.readLabels(f);
              }
            });
    assertTrue(e.getMessage().startsWith(f.toString() + ": "), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"));
    return e.getMessage();
  }

  @Test
  void readsRawAndGzippedImagesAlike() throws IOException {
    byte[] content = idx(0x803, new int[] {3, 4, 5}, 60);
    IdxReader.Images raw = IdxReader.readImages(file("a", content));
    IdxReader.Images zipped = IdxReader.readImages(gz("a.gz", content));
    assertEquals(3, raw.count());
    assertEquals(4, raw.rows());
    assertEquals(5, raw.cols());
    assertArrayEquals(raw.pixels(), zipped.pixels());
    assertEquals(6, raw.pixels()[6] + 0);
  }

  @Test
  void everyBrokenHeaderIsNamed() throws IOException {
    assertTrue(
        fails(file("m", idx(0x01000803, new int[] {1, 1, 1}, 1)), true).contains("not an IDX"));
    assertTrue(
        fails(file("t", idx(0x0d03, new int[] {1, 1, 1}, 4)), true).contains("not unsigned byte"));
    assertTrue(
        fails(file("d", idx(0x802, new int[] {1, 1}, 1)), true)
            .contains("2 dimensions, expected 3"));
    assertTrue(
        fails(file("short", idx(0x803, new int[] {2, 2, 2}, 7)), true).contains("truncated"));
    assertTrue(fails(file("long", idx(0x803, new int[] {2, 2, 2}, 9)), true).contains("trailing"));
    assertTrue(
        fails(file("huge", idx(0x803, new int[] {50_000_000, 28, 28}, 0)), true)
            .contains("not plausible"));
    assertTrue(
        fails(file("side", idx(0x803, new int[] {1, 100_000, 28}, 0)), true)
            .contains("not plausible"));
    assertTrue(
        fails(file("neg", idx(0x803, new int[] {-1, 28, 28}, 0)), true).contains("negative"));
    assertTrue(fails(file("empty", new byte[0]), true).contains("shorter than an IDX header"));
    assertTrue(fails(file("cut", new byte[] {0, 0, 8, 3, 0, 0}), true).contains("header ends"));
    assertTrue(fails(dir.resolve("absent"), true).contains("file not found"));
    assertTrue(fails(file("lab", idx(0x801, new int[] {5}, 4)), false).contains("truncated"));
  }

  @Test
  void aGzippedFileCannotClaimMoreThanItCanHold() throws IOException {
    // 1,000,000 images of 28x28 claimed by a few hundred compressed bytes: refused before
    // allocating
    Path f = gz("bomb.gz", idx(0x803, new int[] {1_000_000, 28, 28}, 10));
    assertTrue(fails(f, true).contains("more than the compressed file can hold"));
    Path cut = gz("cut.gz", idx(0x803, new int[] {2, 2, 2}, 7));
    assertTrue(fails(cut, true).contains("truncated"));
  }

  @Test
  void labelsOutOfRangeAndCountMismatchAreNamed() throws IOException {
    Path images = file("i", idx(0x803, new int[] {3, 1, 1}, 3));
    Path bad = file("l", new byte[] {0, 0, 8, 1, 0, 0, 0, 3, 1, 2, 12});
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> IdxReader.read(images, bad, 10));
    assertTrue(e.getMessage().contains("label 12 of item 2"), e.getMessage());
    Path two = file("l2", new byte[] {0, 0, 8, 1, 0, 0, 0, 2, 1, 2});
    e = assertThrows(DatasetFormatException.class, () -> IdxReader.read(images, two, 10));
    assertTrue(e.getMessage().contains("2 labels for the 3 images"), e.getMessage());
  }

  @Test
  void descriptorFindsRawOrGzippedFilesAndChecksThem() throws IOException {
    Path root = dir.resolve("data");
    IdxFiles.writeMnistLayout(
        root.resolve("mnist"),
        SyntheticData.squares(20, 10, 28, 1),
        SyntheticData.squares(10, 10, 28, 2));
    DatasetSplits s = Datasets.get("mnist").load(root);
    assertEquals(20, s.train().count());
    assertEquals(10, s.test().count());
    assertEquals(28, s.train().width());
    Files.delete(root.resolve("mnist/t10k-labels-idx1-ubyte"));
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> Datasets.get("mnist").check(root));
    assertTrue(
        e.getMessage()
            .contains(
                "t10k-labels-idx1-ubyte: file not found; get it with ./paretoprune fetch-data"),
        e.getMessage());
    assertThrows(io.paretoprune.core.plugin.ConfigException.class, () -> Datasets.get("mnits"));
  }
}
