package io.paretoprune.core.train.result;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One further test split's figures at an epoch's end, measured as the primary test split's are.
 *
 * @param objectives per objective (in the run's order): the split's mean data loss plus the
 *     penalties at the epoch's end, as {@link EpochMetrics#testObjectives}; an objective without a
 *     data loss is its penalties alone, the same on every split
 * @param metrics the task's metrics by name, in the task's order
 */
public record TestSplitMetrics(double[] objectives, Map<String, Double> metrics) {
  public TestSplitMetrics {
    objectives = objectives.clone();
    metrics = Collections.unmodifiableMap(new LinkedHashMap<>(metrics));
  }

  @Override
  public double[] objectives() {
    return objectives.clone();
  }
}
