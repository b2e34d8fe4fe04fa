package io.paretoprune.core.io;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AtomicFilesTest {
  @TempDir Path dir;

  private List<String> names() throws IOException {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void writesReplacesAndReturnsTheSha256OfTheBytes() throws Exception {
    Path f = dir.resolve("a.csv");
    AtomicFiles.writeString(f, "old\n");
    String sha =
        AtomicFiles.write(f, out -> out.write("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals("x,y\n1,2\n", Files.readString(f));
    String expected =
        HexFormat.of()
            .formatHex(
                MessageDigest.getInstance("SHA-256")
                    .digest("x,y\n1,2\n".getBytes(StandardCharsets.UTF_8)));
    assertEquals(expected, sha);
    assertEquals(expected, AtomicFiles.sha256(f));
    assertEquals(List.of("a.csv"), names(), "no temporary file is left behind");
  }

  @Test
  void aFailedWriteKeepsTheOldFileAndLeavesNoTemporaryFile() throws Exception {
    Path f = dir.resolve("summary.csv");
    AtomicFiles.writeString(f, "complete\n");
    IOException e =
        assertThrows(
            IOException.class,
            () ->
                AtomicFiles.write(
                    f,
                    out -> {
                      out.write("half".getBytes(StandardCharsets.UTF_8));
                      throw new IOException("disk full");
                    }));
    assertEquals("disk full", e.getMessage());
    assertEquals("complete\n", Files.readString(f));
    assertEquals(List.of("summary.csv"), names());
  }

  @Test
  void createsTheFolderAndMovesAFinishedFolderIntoPlace() throws Exception {
    Path nested = dir.resolve("new/deeper/file.json");
    AtomicFiles.writeString(nested, "{}");
    assertEquals("{}", Files.readString(nested));
    Path tmp = Files.createDirectories(dir.resolve(".run-tmp"));
    Files.writeString(tmp.resolve("manifest.json"), "{}");
    Path target = AtomicFiles.moveIntoPlace(tmp, dir.resolve("run"));
    assertTrue(Files.isRegularFile(target.resolve("manifest.json")));
    assertTrue(Files.notExists(tmp));
  }
}
