package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Faults in the data's values and in the suite file stop the command before any run starts. */
class CheckedBeforeRunsTest {
  @TempDir Path tmp;

  private void assertRefusedBeforeAnything(CliRun.Outcome o, String file, String fault) {
    assertEquals(2, o.code(), o.out() + o.err());
    assertFalse(o.line().contains("\n"), o.line());
    assertTrue(o.line().contains(file) && o.line().contains(fault), o.line());
    assertFalse(o.line().contains("Exception"), o.line());
    assertFalse(o.out().contains("suite "), "a run was planned: " + o.out());
    assertFalse(Files.exists(tmp.resolve("results")), "a results folder was created");
  }

  @Test
  void aLabelOutOfRangeIsOneLineNamingTheFileAndNoResultsFolder() throws Exception {
    Path suite = SuiteFixture.write(tmp, "labels", "[1]", 1, "");
    LabeledImages test = SyntheticData.squares(200, 10, 28, 2);
    byte[] labels = test.labels().clone();
    labels[3] = (byte) 200;
    Path file = tmp.resolve("data/mnist/t10k-labels-idx1-ubyte");
    IdxFiles.writeLabels(file, new LabeledImages("t", test.pixels(), labels, 200, 1, 28, 28, 201));
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), tmp.resolve("data"));
    assertRefusedBeforeAnything(o, file.toString(), "label 200 of item 3 is outside 0..9");
  }

  @Test
  void imagesTooSmallForTheModelAreOneLineNamingTheFile() throws Exception {
    Path suite = SuiteFixture.write(tmp, "small", "[1]", 1, "");
    IdxFiles.writeMnistLayout(
        tmp.resolve("data/mnist"),
        SyntheticData.squares(64, 10, 6, 1),
        SyntheticData.squares(10, 10, 6, 2));
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), tmp.resolve("data"));
    assertRefusedBeforeAnything(
        o, tmp.resolve("data/mnist/train-images-idx3-ubyte").toString(), "lenet5");
  }

  @Test
  void aBinarySuiteFileIsOneLineNamingTheFileAndTheByte() throws Exception {
    Path suite = tmp.resolve("binary.yaml");
    Files.write(suite, new byte[] {'n', 'a', 'm', 'e', ':', ' ', (byte) 0x89, 'P', 'N', 'G', 0});
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), tmp.resolve("data"));
    assertRefusedBeforeAnything(o, suite.toString(), "not a text file: byte 6 is not UTF-8");
    // The same through ./paretoprune, as a user runs it.
    Launcher.Outcome l = Launcher.run(tmp, java.util.Map.of(), "run", suite.toString());
    assertEquals(2, l.code(), l.out() + l.err());
    assertEquals(
        java.util.List.of(
            "paretoprune: "
                + suite
                + ": not a text file: byte 6 is not UTF-8 (a suite file is YAML"
                + " text)"),
        l.errLines());
  }

  @Test
  void aSuiteFileWithNulCharactersIsOneLineNamingTheFile() throws Exception {
    Path suite = tmp.resolve("nul.yaml");
    Files.write(suite, new byte[] {'n', 'a', 'm', 'e', ':', ' ', 'x', 0, 0, '\n'});
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), tmp.resolve("data"));
    assertRefusedBeforeAnything(o, suite.toString(), "not a text file: character 7 is NUL");
  }

  @Test
  void aKeyWrittenTwiceIsOneLineNamingFileKeyAndLine() throws Exception {
    Path suite = SuiteFixture.write(tmp, "twice", "[1]", 1, "epochs: 3");
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), tmp.resolve("data"));
    assertRefusedBeforeAnything(o, suite.toString(), "epochs: key written twice (again on line");
  }
}
