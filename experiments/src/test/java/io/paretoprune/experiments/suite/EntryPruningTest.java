package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.paretoprune.core.plugin.ConfigException;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** An optimizer entry's own {@code pruning:} replaces the suite's for that entry's runs only. */
class EntryPruningTest {
  private static final String SUITE =
      SuiteParseTest.GOOD.replace(
          "- {name: madam}", "- {name: madam, pruning: {name: units, settings: {target: 0.5}}}");

  @Test
  void theEntrysRuleGoesToItsRunsAndTheSuitesToTheOthers() throws Exception {
    List<RunSpec> runs = RunPlanner.plan(SuiteParseTest.parse(SUITE));
    for (RunSpec r : runs) {
      if (r.label().equals("madam")) {
        assertEquals(new SuiteSpec.PluginSpec("units", Map.of("target", 0.5)), r.pruning());
      } else {
        assertEquals("threshold", r.pruning().name());
      }
    }
    assertEquals(4, runs.size());
  }

  @Test
  void anUnknownKeyOfTheEntrysPruningIsNamed() {
    ConfigException e =
        SuiteParseTest.fails(
            SUITE.replace("pruning: {name: units,", "pruning: {rule: x, name: units,"));
    assertEquals("optimizers[1].pruning.rule", e.key(), e.getMessage());
  }
}
