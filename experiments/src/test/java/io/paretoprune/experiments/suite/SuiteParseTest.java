package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.paretoprune.core.plugin.ConfigException;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The parser's own checks (plug-in checks are in SuiteLoaderTest). */
class SuiteParseTest {
  static final String GOOD =
      """
      name: t
      dataset: {name: mnist, train_limit: 640}
      model: {name: lenet5}
      objectives:
        - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
        - {name: f2, l1: {on: dense.kernel}}
      optimizers:
        - {label: SMGD, name: smgd, settings: {lr: 0.01}}
        - {name: madam}
      pruning: {name: threshold}
      seeds: [1, 2]
      epochs: 3
      """;

  static SuiteSpec parse(String yaml) throws Exception {
    return SuiteLoader.parse(new ConfigNode("s.yaml", "", new YAMLMapper().readTree(yaml)));
  }

  static ConfigException fails(String yaml) {
    return assertThrows(ConfigException.class, () -> parse(yaml));
  }

  @Test
  void parsesAGoodSuiteWithDefaults() throws Exception {
    SuiteSpec s = parse(GOOD);
    assertEquals("t", s.name());
    assertEquals(640, s.dataset().trainLimit());
    assertEquals(List.of(1L, 2L), s.seeds());
    assertEquals(64, s.batchSize());
    assertEquals("madam", s.optimizers().get(1).label());
    assertEquals(1.0e-4, s.objectives().get(0).penalties().get(0).factor());
    assertEquals(4, RunPlanner.plan(s).size());
    assertEquals("SMGD-s1", RunPlanner.plan(s).get(0).runId());
  }

  @Test
  void batchOrderIsShuffledUnlessByLengthIsAskedForAndLeavesOldHashesAlone() throws Exception {
    SuiteSpec plain = parse(GOOD);
    assertEquals(io.paretoprune.core.data.BatchOrder.SHUFFLED, plain.dataset().order());
    RunSpec run = RunPlanner.plan(plain).get(0);
    assertTrue(!run.toJson().contains("batchOrder"), run.toJson());
    SuiteSpec shuffled =
        parse(GOOD.replace("train_limit: 640}", "train_limit: 640, batch_order: shuffled}"));
    assertEquals(io.paretoprune.core.data.BatchOrder.SHUFFLED, shuffled.dataset().order());
    SuiteSpec byLength =
        parse(GOOD.replace("train_limit: 640}", "train_limit: 640, batch_order: by_length}"));
    assertEquals(io.paretoprune.core.data.BatchOrder.BY_LENGTH, byLength.dataset().order());
    assertTrue(
        !run.configHash().equals(RunPlanner.plan(byLength).get(0).configHash()),
        "the order changes a run's numbers, so its hash");
    ConfigException bad =
        fails(GOOD.replace("train_limit: 640}", "train_limit: 640, batch_order: sorted}"));
    assertEquals("dataset.batch_order", bad.key());
    assertTrue(bad.getMessage().contains("use shuffled or by_length"), bad.getMessage());
  }

  @Test
  void batchesByLengthOfImagesAreRefusedNamingTheKey(@org.junit.jupiter.api.io.TempDir Path tmp)
      throws Exception {
    Path file =
        java.nio.file.Files.writeString(
            tmp.resolve("s.yaml"),
            GOOD.replace("train_limit: 640}", "train_limit: 640, batch_order: by_length}"));
    ConfigException e = assertThrows(ConfigException.class, () -> SuiteLoader.load(file));
    assertEquals("dataset.batch_order", e.key());
    assertTrue(e.getMessage().contains("mnist's all have one size"), e.getMessage());
  }

  @Test
  void runnerPackIsAutoUnlessANumberIsGiven() throws Exception {
    assertEquals(0, parse(GOOD).pack());
    assertEquals(0, parse(GOOD + "runner: {pack: auto}\n").pack());
    assertEquals(1, parse(GOOD + "runner: {pack: 1}\n").pack());
    assertEquals(8, parse(GOOD + "runner: {pack: 8}\n").pack());
    ConfigException zero = fails(GOOD + "runner: {pack: 0}\n");
    assertEquals("runner.pack", zero.key());
    assertTrue(zero.getMessage().contains("expected auto or a whole number"), zero.getMessage());
    assertEquals("runner.pack", fails(GOOD + "runner: {pack: many}\n").key());
    assertEquals("runner.packs", fails(GOOD + "runner: {packs: 2}\n").key());
    RunSpec a = RunPlanner.plan(parse(GOOD)).get(0);
    RunSpec b = RunPlanner.plan(parse(GOOD + "runner: {pack: 1}\n")).get(0);
    assertEquals(a.configHash(), b.configHash(), "packing does not change what a run is");
  }

  @Test
  void unknownKeyNamesFileKeyAndAllowedKeys() {
    ConfigException e = fails(GOOD + "epochz: 3\n");
    assertEquals("s.yaml", e.file());
    assertEquals("epochz", e.key());
    assertTrue(e.getMessage().contains("allowed here:"), e.getMessage());
  }

  @Test
  void wrongTypeAndRangeAreNamed() {
    assertEquals("epochs", fails(GOOD.replace("epochs: 3", "epochs: three")).key());
    assertEquals("epochs", fails(GOOD.replace("epochs: 3", "epochs: 0")).key());
    assertEquals(
        "dataset.train_limit", fails(GOOD.replace("train_limit: 640", "train_limit: -1")).key());
    assertEquals(
        "objectives[0].l2.factor", fails(GOOD.replace("factor: 1.0e-4", "factor: -1")).key());
  }

  @Test
  void missingAndDuplicateEntriesAreNamed() {
    assertEquals("name", fails(GOOD.replace("name: t\n", "")).key());
    assertEquals(
        "optimizers[1].label",
        fails(GOOD.replace("{name: madam}", "{label: SMGD, name: madam}")).key());
    assertEquals("seeds[1]", fails(GOOD.replace("[1, 2]", "[1, 1]")).key());
    assertEquals(
        "objectives[1].loss",
        fails(GOOD.replace("{name: f2, l1", "{name: f2, loss: hinge, l1")).key());
  }

  @Test
  void labelsWithAnyCharactersGiveSafeRunIds() {
    assertEquals("_script_alert_1_script_-s3", RunSpec.runId("<script>alert(1)</script>", 3));
  }

  @Test
  void configHashIgnoresThreadsButNotSettings() throws Exception {
    RunSpec a = RunPlanner.plan(parse(GOOD)).get(0);
    RunSpec b = RunPlanner.plan(parse(GOOD + "threads_per_run: 2\n")).get(0);
    RunSpec c = RunPlanner.plan(parse(GOOD.replace("lr: 0.01", "lr: 0.02"))).get(0);
    assertEquals(a.configHash(), b.configHash());
    assertTrue(!a.configHash().equals(c.configHash()));
    assertEquals(a, RunSpec.fromJson(a.toJson()));
  }
}
