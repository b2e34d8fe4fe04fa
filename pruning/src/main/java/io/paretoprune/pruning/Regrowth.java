package io.paretoprune.pruning;

/** What happens to a pruned weight afterwards. */
public enum Regrowth {
  /**
   * The paper's: the rule is re-applied to the current values every time, so a pruned weight that
   * the optimizer moves back above the threshold is kept again.
   */
  REGROW,
  /**
   * A weight once pruned stays 0: masks accumulate, and the step rule's state for the weight
   * (momentum, Adam's moments) is zeroed so it cannot come back through it.
   */
  FIXED
}
