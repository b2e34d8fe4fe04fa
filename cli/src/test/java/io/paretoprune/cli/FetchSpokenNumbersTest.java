package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code ./paretoprune fetch-data --only spoken-numbers} through the launcher: a corpus whose
 * SHA256SUMS verifies is kept as it is, and a wrong {@code --only} is one line and exit 2. (Making
 * the corpus itself is tested in the speech module on a small one.)
 */
class FetchSpokenNumbersTest {
  @TempDir Path tmp;

  @Test
  void aVerifiedCorpusIsKept() throws Exception {
    Path corpus = Files.createDirectories(tmp.resolve("data/spoken-numbers"));
    Path manifest =
        Files.writeString(corpus.resolve("train.csv"), "wav_filename,wav_filesize,transcript\n");
    Process sums =
        new ProcessBuilder("bash", "-c", "sha256sum train.csv > SHA256SUMS")
            .directory(corpus.toFile())
            .start();
    assertTrue(sums.waitFor(60, TimeUnit.SECONDS) && sums.exitValue() == 0);
    FileTime before = Files.getLastModifiedTime(manifest);
    Launcher.Outcome o =
        Launcher.run(
            tmp,
            Map.of(),
            "fetch-data",
            "--only",
            "spoken-numbers",
            "--data",
            tmp.resolve("data").toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("spoken-numbers: present and verified in"), o.out());
    assertEquals(before, Files.getLastModifiedTime(manifest));
  }

  @Test
  void anUnknownDatasetIsOneLineAndExitTwo() throws Exception {
    Launcher.Outcome o =
        Launcher.run(
            tmp, Map.of(), "fetch-data", "--only", "spoken-letters", "--data", tmp.toString());
    assertEquals(2, o.code());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().contains("spoken-numbers") && o.err().contains("spoken-letters"), o.err());
  }

  @Test
  void helpNamesTheCorpus() throws Exception {
    Launcher.Outcome o = Launcher.run(tmp, Map.of(), "fetch-data", "--help");
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("--only spoken-numbers writes the spoken-number"), o.out());
  }
}
