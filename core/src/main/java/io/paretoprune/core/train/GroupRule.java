package io.paretoprune.core.train;

import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.train.seam.GradientCombiner;
import java.util.Arrays;

/**
 * How one group of parameters is updated: which objectives it combines and by which rule.
 *
 * @param name label for records, e.g. {@code all}, {@code dense}, {@code conv}
 * @param selector the parameters of the group; a parameter belongs to the first group that selects
 *     it
 * @param objectives indices into the problem's objective list
 * @param combiner the multi-objective rule over those objectives
 */
public record GroupRule(
    String name, ParameterSelector selector, int[] objectives, GradientCombiner combiner) {
  public GroupRule {
    objectives = objectives.clone();
    if (objectives.length == 0) {
      throw new IllegalArgumentException("group '" + name + "' combines no objective");
    }
    if (combiner.arity() >= 0 && combiner.arity() != objectives.length) {
      throw new IllegalArgumentException(
          "group '"
              + name
              + "': rule expects "
              + combiner.arity()
              + " objectives, got "
              + objectives.length);
    }
  }

  @Override
  public int[] objectives() {
    return objectives.clone();
  }

  @Override
  public String toString() {
    return name + Arrays.toString(objectives);
  }
}
