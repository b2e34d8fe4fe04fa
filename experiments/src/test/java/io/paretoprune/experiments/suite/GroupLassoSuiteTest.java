package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.objective.GroupLassoPenalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A suite's {@code group_lasso} penalty: parsed, mapped to the core penalty, bad values named. */
class GroupLassoSuiteTest {
  private static final String SUITE =
      SuiteParseTest.GOOD.replace(
          "{name: f2, l1: {on: dense.kernel}}", "{name: f2, group_lasso: {on: dense.kernel}}");

  @Test
  void groupLassoBecomesTheObjectivesPenalty() throws Exception {
    SuiteSpec s = SuiteParseTest.parse(SUITE);
    SuiteSpec.PenaltySpec p = s.objectives().get(1).penalties().get(0);
    assertEquals("group_lasso", p.type());
    List<Objective> objectives = ObjectiveFactory.build(s.objectives());
    GroupLassoPenalty g =
        assertInstanceOf(GroupLassoPenalty.class, objectives.get(1).penalties().get(0));
    assertEquals(ParameterSelector.denseKernels(), g.selector());
    assertEquals(1.0, g.factor());
    SuiteSpec scaled =
        SuiteParseTest.parse(SUITE.replace("on: dense.kernel}}", "on: dense, factor: 0.5}}"));
    GroupLassoPenalty half =
        (GroupLassoPenalty) ObjectiveFactory.build(scaled.objectives()).get(1).penalties().get(0);
    assertEquals(0.5, half.factor());
    assertEquals(ParameterSelector.dense(), half.selector());
  }

  @Test
  void badGroupLassoSettingsNameTheirKey() {
    ConfigException factor =
        SuiteParseTest.fails(SUITE.replace("on: dense.kernel}}", "on: dense.kernel, factor: 0}}"));
    assertEquals("objectives[1].group_lasso.factor", factor.key());
    ConfigException unknown =
        SuiteParseTest.fails(SUITE.replace("on: dense.kernel}}", "on: dense.kernel, p: 2}}"));
    assertTrue(unknown.key().startsWith("objectives[1].group_lasso"), unknown.key());
    ConfigException missing =
        SuiteParseTest.fails(SUITE.replace("group_lasso: {on: dense.kernel}", "group_lasso: {}"));
    assertEquals("objectives[1].group_lasso.on", missing.key());
  }
}
