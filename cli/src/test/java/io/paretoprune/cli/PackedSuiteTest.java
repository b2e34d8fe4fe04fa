package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A suite run packed through the command line: its runs share one process, each writes its own
 * directory, and a pack killed after an epoch resumes every run from its checkpoint to the same
 * rows an uninterrupted pack writes.
 */
class PackedSuiteTest {
  @TempDir Path tmp;

  private static final ObjectMapper JSON = new ObjectMapper();

  /** 2 optimizers x 2 seeds in one pack of 4, 3 epochs of 20 steps. */
  private Path suite(String name) throws Exception {
    return SuiteFixture.write(tmp, name, "[1, 2]", 3, "max_steps_per_epoch: 20");
  }

  private static List<Path> runs(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> !p.getFileName().toString().startsWith(".")).sorted().toList();
    }
  }

  /** The epoch rows without the wall-time column. */
  private static List<String> rows(Path run) throws Exception {
    List<String> out = new ArrayList<>();
    List<String> lines = Files.readAllLines(run.resolve("epochs.csv"));
    int seconds = List.of(lines.get(0).split(",")).indexOf("seconds");
    for (String line : lines) {
      List<String> cells = new ArrayList<>(List.of(line.split(",", -1)));
      cells.remove(seconds);
      out.add(String.join(",", cells));
    }
    return out;
  }

  @Test
  void aKilledPackResumesEveryRunToTheRowsOfAnUninterruptedPack() throws Exception {
    Path data = tmp.resolve("data");
    Path whole = tmp.resolve("whole");
    CliRun.Outcome straight = CliRun.suite(suite("pack"), whole, data);
    assertEquals(0, straight.code(), straight.out() + straight.err());
    assertTrue(straight.out().contains("packed as 4 runs per process"), straight.out());
    List<Path> done = runs(whole.resolve("pack").resolve("runs"));
    assertEquals(4, done.size(), done.toString());
    for (Path run : done) {
      JsonNode m = JSON.readTree(run.resolve("manifest.json").toFile());
      assertEquals("completed", m.get("status").asText());
      assertEquals(4, m.get("packedWith").size(), run + " packedWith");
    }

    Path killed = tmp.resolve("killed");
    Path runs = killed.resolve("pack").resolve("runs");
    Path checkpoints = runs.resolve(".checkpoints");
    Process first =
        CliRun.suiteProcess(suite("pack"), killed, data)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("first.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
      while (first.isAlive()
          && System.nanoTime() < deadline
          && !(Files.isDirectory(checkpoints) && count(checkpoints) == 4)) {
        Thread.sleep(50);
      }
      assertTrue(first.isAlive(), "the pack ended before it could be killed");
      first.destroyForcibly().waitFor();
    } finally {
      first.destroyForcibly();
    }
    // No pause here: the rerun itself waits until the orphaned pack has stopped (WriterLock).
    CliRun.Outcome again = CliRun.suite(suite("pack"), killed, data);
    assertEquals(0, again.code(), again.out() + again.err());
    assertTrue(again.out().contains("from an epoch checkpoint"), again.out());
    for (Path run : done) {
      Path other = runs.resolve(run.getFileName());
      JsonNode m = JSON.readTree(other.resolve("manifest.json").toFile());
      assertTrue(m.get("resumedAfterEpochs").size() >= 1, other + " did not resume");
      assertEquals(rows(run), rows(other), run.getFileName() + ": resumed rows differ");
    }
  }

  private static long count(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".ckpt")).count();
    }
  }
}
