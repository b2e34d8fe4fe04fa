package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Which runs share a process, and how many. */
class RunPackingTest {
  @TempDir Path tmp;

  private static final String SUITE =
      """
      name: t
      dataset: {name: mnist}
      model: {name: %s}
      objectives:
        - {name: f1, loss: cross_entropy}
        - {name: f2, l1: {on: dense.kernel}}
        - {name: f3, l2: {on: conv.kernel}}
      optimizers:
        - {label: SMGD, name: smgd}
        - {label: MAdam, name: madam}
        - {label: Split, name: split, settings: {step: sgd}}
      pruning: {name: threshold}
      seeds: [1, 2, 3, 4, 5]
      epochs: 3
      %s
      """;

  private SuiteSpec suite(String model, String extra) throws Exception {
    Path f = tmp.resolve("s" + System.nanoTime() + ".yaml");
    Files.writeString(f, SUITE.formatted(model, extra));
    return SuiteLoader.load(f);
  }

  private List<List<RunSpec>> plan(SuiteSpec s, int processes) {
    return RunPacking.plan(RunPlanner.plan(s), s, processes, tmp.resolve("runs"));
  }

  private static List<Integer> sizes(List<List<RunSpec>> packs) {
    return packs.stream().map(List::size).toList();
  }

  @Test
  void autoPacksEveryPackableRunIntoOnePackPerProcess() throws Exception {
    // 10 packable runs (SMGD, MAdam) on 2 processes: 5 + 5; split has 2 groups: alone.
    List<List<RunSpec>> packs = plan(suite("lenet5", ""), 2);
    assertEquals(List.of(5, 5, 1, 1, 1, 1, 1), sizes(packs));
    for (RunSpec r : packs.subList(2, 7).stream().flatMap(List::stream).toList()) {
      assertEquals("split", r.optimizer().name());
    }
    assertEquals(15, packs.stream().mapToInt(List::size).sum());
  }

  @Test
  void aFixedPackSizeSplitsIntoNearEqualPacks() throws Exception {
    assertEquals(
        List.of(4, 3, 3, 1, 1, 1, 1, 1), sizes(plan(suite("lenet5", "runner: {pack: 4}"), 2)));
    assertEquals(15, sizes(plan(suite("lenet5", "runner: {pack: 1}"), 2)).size());
  }

  @Test
  void aModelWithoutAPackerTrainsEveryRunAlone() throws Exception {
    assertEquals(15, sizes(plan(suite("mlp", ""), 2)).size());
  }

  @Test
  void autoUsesEveryProcessAndNoMoreRoundsThanNeeded() {
    assertEquals(10, RunPacking.auto(20, 2));
    assertEquals(3, RunPacking.auto(6, 2));
    assertEquals(1, RunPacking.auto(1, 2));
    // Packs beyond the cap would take more memory than the model allows.
    org.junit.jupiter.api.Assertions.assertTrue(RunPacking.auto(200, 2) <= RunPacking.MAX_AUTO);
  }
}
