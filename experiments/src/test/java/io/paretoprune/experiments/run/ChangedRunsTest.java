package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ChangedRunsTest {
  @TempDir Path runs;

  private static RunSpec spec(String label, double lr) {
    return new RunSpec(
        "s",
        RunSpec.runId(label, 1),
        label,
        new SuiteSpec.DatasetSpec("mnist", null, 0, 0),
        new SuiteSpec.PluginSpec("lenet5", Map.of()),
        List.of(new SuiteSpec.ObjectiveSpec("f1", "cross_entropy", List.of())),
        new SuiteSpec.PluginSpec("smgd", Map.of("lr", lr)),
        new SuiteSpec.PluginSpec("none", Map.of()),
        1,
        1,
        32,
        1000,
        0,
        1);
  }

  private void finish(RunSpec r) throws Exception {
    Path tmp = RunDirectory.newTemp(runs, r.runId());
    Files.writeString(tmp.resolve("manifest.json"), "{\"configHash\": \"" + r.configHash() + "\"}");
    RunDirectory.commit(tmp, runs, r.runId());
  }

  @Test
  void onlyFinishedRunsWithAnotherHashAreChangedAndTheyCanBeSetAside() throws Exception {
    finish(spec("a", 0.01));
    finish(spec("b", 0.01));
    List<RunSpec> now = List.of(spec("a", 0.01), spec("b", 0.02), spec("c", 0.01));
    assertEquals(List.of("b-s1"), ChangedRuns.find(runs, now));

    String line = ChangedRuns.refusal(runs.getParent(), List.of("b-s1")).getMessage();
    assertTrue(line.contains("b-s1") && line.contains("--rerun-changed"), line);
    assertFalse(line.contains("\n"), line);

    Path aside = ChangedRuns.setAside(runs, List.of("b-s1"));
    assertTrue(aside.getFileName().toString().startsWith(".replaced-"), aside.toString());
    assertTrue(Files.isRegularFile(aside.resolve("b-s1").resolve("manifest.json")));
    assertFalse(Files.exists(runs.resolve("b-s1")));
    assertEquals(List.of(), ChangedRuns.find(runs, now));
    // Set-aside runs are not stale temporaries: resuming keeps them.
    RunDirectory.removeStale(runs);
    assertTrue(Files.isDirectory(aside.resolve("b-s1")));
  }
}
