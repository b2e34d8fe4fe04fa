package io.paretoprune.core.train;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.train.seam.GradientCombiner;
import java.util.List;
import java.util.stream.IntStream;

/**
 * The multi-objective part of an optimizer: one rule over all parameters (SMGD, weighted sum), or
 * one per parameter group (the paper's split variant).
 */
public record CombinationPlan(List<GroupRule> groups) {
  public CombinationPlan {
    groups = List.copyOf(groups);
    if (groups.isEmpty()) {
      throw new IllegalArgumentException("a combination plan needs at least one group");
    }
  }

  /** One rule over every trainable parameter and the first {@code k} objectives. */
  public static CombinationPlan single(GradientCombiner combiner, int k) {
    return new CombinationPlan(
        List.of(
            new GroupRule(
                "all", ParameterSelector.all(), IntStream.range(0, k).toArray(), combiner)));
  }
}
