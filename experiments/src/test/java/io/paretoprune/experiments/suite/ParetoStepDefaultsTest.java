package io.paretoprune.experiments.suite;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The weighted sum's settings a Pareto search trains with: SGD's defaults only for SGD. */
class ParetoStepDefaultsTest {
  @Test
  void withoutAStepTheSearchTrainsSgdWithMomentumAndInverseTime() throws Exception {
    Map<String, Object> s = ParetoKeysTest.parse("{search: sweep}").weightedSettings(0.9, 0.1);
    assertEquals("sgd", s.get("step"));
    assertEquals(0.9, s.get("momentum"));
    assertEquals("inverse_time", s.get("schedule"));
    assertEquals(List.of(0.9, 0.1), s.get("weights"));
  }

  @Test
  void anotherStepRuleGetsOnlyWhatTheStepBlockGivesNotSgdsMomentum() throws Exception {
    Map<String, Object> s =
        ParetoKeysTest.parse("{search: sweep, step: {step: adam, lr: 0.001}}")
            .weightedSettings(0.9, 0.1);
    assertEquals("adam", s.get("step"));
    assertEquals(0.001, ((Number) s.get("lr")).doubleValue());
    assertFalse(s.containsKey("momentum"), s.toString());
    assertFalse(s.containsKey("schedule"), s.toString());
  }
}
