package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RunDirectoryTest {
  @TempDir Path runs;

  @Test
  void aRunIsCompleteOnlyAfterCommit() throws Exception {
    Path tmp = RunDirectory.newTemp(runs, "smgd-s1");
    Files.writeString(tmp.resolve("manifest.json"), "{}");
    assertFalse(RunDirectory.isComplete(runs, "smgd-s1"));
    RunDirectory.commit(tmp, runs, "smgd-s1");
    assertTrue(RunDirectory.isComplete(runs, "smgd-s1"));
    assertFalse(Files.exists(tmp));
  }

  @Test
  void staleTemporariesAndDirectoriesWithoutManifestAreRemoved() throws Exception {
    Path tmp = RunDirectory.newTemp(runs, "a-s1");
    Files.writeString(tmp.resolve("epochs.csv"), "x");
    Files.createDirectories(runs.resolve("b-s1"));
    Path done = RunDirectory.newTemp(runs, "c-s1");
    Files.writeString(done.resolve("manifest.json"), "{}");
    RunDirectory.commit(done, runs, "c-s1");
    assertEquals(2, RunDirectory.removeStale(runs));
    assertFalse(Files.exists(tmp));
    assertFalse(Files.exists(runs.resolve("b-s1")));
    assertTrue(RunDirectory.isComplete(runs, "c-s1"));
  }

  @Test
  void aTemporaryOfAnotherLiveProcessIsLeftAlone() throws Exception {
    Process other = new ProcessBuilder("sleep", "30").start();
    try {
      Path live = Files.createDirectories(runs.resolve(".a-s1.tmp-" + other.pid()));
      Path dead = Files.createDirectories(runs.resolve(".b-s1.tmp-" + deadPid()));
      assertEquals(1, RunDirectory.removeStale(runs));
      assertTrue(Files.isDirectory(live));
      assertFalse(Files.exists(dead));
    } finally {
      other.destroyForcibly().waitFor();
    }
  }

  private static long deadPid() throws Exception {
    Process p = new ProcessBuilder("true").start();
    p.waitFor();
    return p.pid();
  }
}
