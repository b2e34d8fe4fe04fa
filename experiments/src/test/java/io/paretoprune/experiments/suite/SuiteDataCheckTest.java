package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPOutputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Every kind of fault in the data's values is found before a run starts, naming the file. */
class SuiteDataCheckTest {
  @TempDir Path root;

  private Path mnist() {
    return root.resolve("mnist");
  }

  private void writeGood() throws Exception {
    IdxFiles.writeMnistLayout(
        mnist(), SyntheticData.squares(100, 10, 28, 1), SyntheticData.squares(20, 10, 28, 2));
  }

  private static SuiteSpec suite(String datasetExtra, int batch) throws Exception {
    String yaml =
        SuiteParseTest.GOOD
            .replace("{name: mnist, train_limit: 640}", "{name: mnist" + datasetExtra + "}")
            .concat("batch_size: " + batch + "\n");
    return SuiteLoader.parse(new ConfigNode("s.yaml", "", new YAMLMapper().readTree(yaml)));
  }

  private String fault(SuiteSpec suite) {
    DatasetFormatException e =
        assertThrows(DatasetFormatException.class, () -> SuiteDataCheck.check(suite, root));
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
    return e.getMessage();
  }

  private String fault() throws Exception {
    return fault(suite("", 32));
  }

  @Test
  void goodDataPasses() throws Exception {
    writeGood();
    SuiteDataCheck.check(suite("", 32), root);
  }

  @Test
  void aLabelOutOfRangeNamesTheLabelFile() throws Exception {
    writeGood();
    LabeledImages test = SyntheticData.squares(20, 10, 28, 2);
    byte[] labels = test.labels().clone();
    labels[7] = 10;
    IdxFiles.writeLabels(
        mnist().resolve("t10k-labels-idx1-ubyte"),
        new LabeledImages("t", test.pixels(), labels, 20, 1, 28, 28, 11));
    String m = fault();
    assertTrue(m.startsWith(mnist().resolve("t10k-labels-idx1-ubyte").toString()), m);
    assertTrue(m.contains("label 10 of item 7"), m);
  }

  @Test
  void labelsAndImagesThatDisagreeInCountNameTheLabelFile() throws Exception {
    writeGood();
    IdxFiles.writeLabels(
        mnist().resolve("train-labels-idx1-ubyte"), SyntheticData.squares(99, 10, 28, 1));
    String m = fault();
    assertTrue(m.startsWith(mnist().resolve("train-labels-idx1-ubyte").toString()), m);
    assertTrue(m.contains("99 labels for the 100 images"), m);
  }

  @Test
  void imagesTheModelCannotTakeNameTheImageFile() throws Exception {
    IdxFiles.writeMnistLayout(
        mnist(), SyntheticData.squares(100, 10, 8, 1), SyntheticData.squares(20, 10, 8, 2));
    String m = fault();
    assertTrue(m.startsWith(mnist().resolve("train-images-idx3-ubyte").toString()), m);
    assertTrue(m.contains("1x8x8") && m.contains("lenet5"), m);
  }

  @Test
  void testImagesOfAnotherSizeThanTrainingImagesNameTheTestFile() throws Exception {
    writeGood();
    IdxFiles.writeImages(
        mnist().resolve("t10k-images-idx3-ubyte"), SyntheticData.squares(20, 10, 32, 2));
    String m = fault();
    assertTrue(m.startsWith(mnist().resolve("t10k-images-idx3-ubyte").toString()), m);
    assertTrue(m.contains("1x32x32") && m.contains("1x28x28"), m);
  }

  @Test
  void emptySetsAndLimitsBelowOneBatchAreFaults() throws Exception {
    IdxFiles.writeMnistLayout(
        mnist(), SyntheticData.squares(0, 10, 28, 1), SyntheticData.squares(20, 10, 28, 2));
    assertTrue(fault().contains("0 training images make no batch of 32"), fault());
    writeGood();
    assertTrue(fault(suite(", train_limit: 10", 32)).contains("(train_limit 10)"));
    assertTrue(fault(suite("", 101)).contains("make no batch of 101"));
    IdxFiles.writeMnistLayout(
        mnist(), SyntheticData.squares(100, 10, 28, 1), SyntheticData.squares(0, 10, 28, 2));
    String m = fault();
    assertTrue(m.startsWith(mnist().resolve("t10k-images-idx3-ubyte").toString()), m);
    assertTrue(m.contains("no test images"), m);
  }

  @Test
  void aTruncatedOrCorruptGzipNamesTheFile() throws Exception {
    writeGood();
    Path raw = mnist().resolve("train-images-idx3-ubyte");
    Path gz = mnist().resolve("train-images-idx3-ubyte.gz");
    try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(gz))) {
      out.write(Files.readAllBytes(raw));
    }
    Files.delete(raw);
    SuiteDataCheck.check(suite("", 32), root); // a good gzip passes
    byte[] bytes = Files.readAllBytes(gz);

    Files.write(gz, Arrays.copyOf(bytes, bytes.length / 2));
    String truncated = fault();
    assertTrue(truncated.startsWith(gz.toString()), truncated);

    byte[] flipped = bytes.clone();
    flipped[bytes.length - 6] ^= 0x5a; // inside the CRC-32 of the trailer
    Files.write(gz, flipped);
    String corrupt = fault();
    assertTrue(corrupt.startsWith(gz.toString()), corrupt);
  }

  @Test
  void realMnistIsCheckedInFullToItsLastLabel() throws Exception {
    Path data = Path.of(System.getProperty("paretoprune.data", "data"));
    Assumptions.assumeTrue(Files.isDirectory(data.resolve("mnist")), "real MNIST not present");
    SuiteDataCheck.check(suite("", 64), data);
    // A copy whose very last test label is out of range fails: every item is read, not a sample.
    Files.createDirectories(mnist());
    for (String f :
        List.of(
            "train-images-idx3-ubyte",
            "train-labels-idx1-ubyte",
            "t10k-images-idx3-ubyte",
            "t10k-labels-idx1-ubyte")) {
      Files.copy(data.resolve("mnist").resolve(f), mnist().resolve(f));
    }
    Path labels = mnist().resolve("t10k-labels-idx1-ubyte");
    byte[] bytes = Files.readAllBytes(labels);
    bytes[bytes.length - 1] = 10;
    Files.write(labels, bytes);
    String m = fault(suite("", 64));
    assertTrue(m.startsWith(labels.toString()), m);
    assertTrue(m.contains("label 10 of item 9999"), m);
  }
}
