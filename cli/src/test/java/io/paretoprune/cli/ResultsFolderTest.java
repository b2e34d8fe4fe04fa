package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Resume refuses runs made with other settings; one process per results folder. */
class ResultsFolderTest {
  @TempDir Path tmp;
  private final ObjectMapper json = new ObjectMapper();

  private String startedAt(Path run) throws Exception {
    return json.readTree(run.resolve("manifest.json").toFile()).get("startedAt").asText();
  }

  private static List<String> names(Path dir) throws Exception {
    try (Stream<Path> s = Files.list(dir)) {
      return s.map(p -> p.getFileName().toString()).sorted().toList();
    }
  }

  @Test
  void editingTheSuiteRefusesToResumeUntilRerunChangedSetsTheOldRunsAside() throws Exception {
    Path suite = SuiteFixture.write(tmp, "edit", "[1]", 1, "");
    Path results = tmp.resolve("results");
    Path data = tmp.resolve("data");
    Path runs = results.resolve("edit").resolve("runs");
    CliRun.Outcome first = CliRun.suite(suite, results, data);
    assertEquals(0, first.code(), first.out() + first.err());
    String smgdBefore = startedAt(runs.resolve("SMGD-s1"));
    String sgdBefore = startedAt(runs.resolve("SGD_L1-s1"));

    Files.writeString(
        suite, Files.readString(suite).replace("settings: {lr: 0.01}", "settings: {lr: 0.02}"));
    CliRun.Outcome refused = CliRun.suite(suite, results, data);
    assertEquals(2, refused.code(), refused.out() + refused.err());
    assertFalse(refused.line().contains("\n"), refused.line());
    assertTrue(refused.line().contains("SMGD-s1"), refused.line());
    assertFalse(refused.line().contains("SGD_L1-s1"), refused.line());
    assertTrue(refused.line().contains("--rerun-changed"), refused.line());
    assertTrue(refused.line().contains("new name"), refused.line());
    assertEquals(smgdBefore, startedAt(runs.resolve("SMGD-s1")), "a refused run must not run");

    CliRun.Outcome rerun = CliRun.suite(suite, results, data, "--rerun-changed");
    assertEquals(0, rerun.code(), rerun.out() + rerun.err());
    assertFalse(smgdBefore.equals(startedAt(runs.resolve("SMGD-s1"))), "SMGD-s1 ran again");
    assertEquals(sgdBefore, startedAt(runs.resolve("SGD_L1-s1")), "an unchanged run ran again");
    String aside =
        names(runs).stream().filter(n -> n.startsWith(".replaced-")).findFirst().orElseThrow();
    assertEquals(List.of("SMGD-s1"), names(runs.resolve(aside)));
    assertEquals(smgdBefore, startedAt(runs.resolve(aside).resolve("SMGD-s1")));
    assertEquals(0, CliRun.suite(suite, results, data).code(), "the edited suite now resumes");
  }

  @Test
  void aSecondSuiteProcessOnTheSameResultsIsRefusedNamingTheHolder() throws Exception {
    Path suite = SuiteFixture.write(tmp, "twice", "[1, 2]", 2, "");
    Path results = tmp.resolve("results");
    Path data = tmp.resolve("data");
    Path runs = results.resolve("twice").resolve("runs");
    Process first =
        CliRun.suiteProcess(suite, results, data)
            .redirectErrorStream(true)
            .redirectOutput(tmp.resolve("first.log").toFile())
            .start();
    try {
      long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(2);
      while (!launched(runs) && first.isAlive() && System.nanoTime() < deadline) {
        Thread.sleep(100);
      }
      assertTrue(launched(runs), "the first suite never started a run");

      CliRun.Outcome second = CliRun.suite(suite, results, data);
      assertEquals(2, second.code(), second.out() + second.err());
      assertTrue(second.line().contains("process " + first.pid()), second.line());
      assertFalse(second.line().contains("\n"), second.line());
      assertEquals("", second.out(), "the second process must not start anything");
      assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the first suite did not finish");
      assertEquals(0, first.exitValue(), Files.readString(tmp.resolve("first.log")));
    } finally {
      first.destroyForcibly();
    }
    assertEquals(4, names(runs).stream().filter(n -> !n.startsWith(".")).count());
  }

  /** The suite has launched a run: its spec waits in {@code runs/.logs} for the run's JVM. */
  private static boolean launched(Path runs) throws Exception {
    Path logs = runs.resolve(".logs");
    return Files.isDirectory(logs) && names(logs).stream().anyMatch(n -> n.endsWith(".json"));
  }
}
