package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Kills a real suite process mid-way and starts it again: only the missing runs run, a half-written
 * run is redone, nothing is lost or duplicated.
 */
class ResumeTest {
  @TempDir Path tmp;

  private Process start(Path suite, Path results) throws Exception {
    List<String> cmd =
        new ArrayList<>(
            List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                System.getProperty("java.class.path"),
                Main.class.getName(),
                "run",
                suite.toString(),
                "--results",
                results.toString(),
                "--data",
                tmp.resolve("data").toString(),
                "--no-report"));
    return new ProcessBuilder(cmd)
        .redirectErrorStream(true)
        .redirectOutput(tmp.resolve("suite-" + System.nanoTime() + ".log").toFile())
        .start();
  }

  private static List<Path> complete(Path runs) throws Exception {
    if (!Files.isDirectory(runs)) {
      return List.of();
    }
    try (Stream<Path> s = Files.list(runs)) {
      return s.filter(p -> Files.isRegularFile(p.resolve("manifest.json"))).sorted().toList();
    }
  }

  @Test
  void aKilledSuiteResumesOnlyTheMissingRuns() throws Exception {
    Path suite = SuiteFixture.write(tmp, "resume", "[1, 2, 3]", 2, "runner: {pack: 1}");
    Path results = tmp.resolve("results");
    Path runs = results.resolve("resume").resolve("runs");
    Process first = start(suite, results);
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(4);
    while (complete(runs).size() < 2 && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(200);
    }
    assertTrue(first.isAlive(), "the suite ended before it could be killed");
    first.destroyForcibly().waitFor();
    Map<String, String> before = new HashMap<>();
    ObjectMapper json = new ObjectMapper();
    for (Path p : complete(runs)) {
      before.put(
          p.getFileName().toString(),
          json.readTree(p.resolve("manifest.json").toFile()).get("startedAt").asText());
    }
    assertTrue(
        before.size() >= 2 && before.size() < 6, "runs complete when killed: " + before.keySet());
    Thread.sleep(2500); // the orphaned run notices its parent is gone within a second and stops

    Process second = start(suite, results);
    assertTrue(second.waitFor(5, TimeUnit.MINUTES), "resumed suite did not finish");
    assertEquals(0, second.exitValue());

    List<Path> done = complete(runs);
    assertEquals(6, done.size(), done.toString());
    for (Path p : done) {
      String malloc =
          json.readTree(p.resolve("manifest.json").toFile())
              .path("versions")
              .path("malloc")
              .asText();
      assertTrue(List.of("jemalloc", "glibc").contains(malloc), p + ": malloc '" + malloc + "'");
    }
    for (Map.Entry<String, String> e : before.entrySet()) {
      String again =
          json.readTree(runs.resolve(e.getKey()).resolve("manifest.json").toFile())
              .get("startedAt")
              .asText();
      assertEquals(e.getValue(), again, e.getKey() + " was run again");
    }
    try (Stream<Path> s = Files.list(runs)) {
      assertEquals(
          List.of(),
          s.map(Path::getFileName).map(Path::toString).filter(n -> n.contains(".tmp-")).toList(),
          "temporary run directories left");
    }
    Table summary = Table.read().csv(results.resolve("resume").resolve("summary.csv").toFile());
    assertEquals(6, summary.rowCount());
    assertEquals(6, summary.stringColumn("run_id").unique().size());
    assertTrue(new File(results.resolve("resume").resolve("suite.yaml").toString()).isFile());
  }
}
