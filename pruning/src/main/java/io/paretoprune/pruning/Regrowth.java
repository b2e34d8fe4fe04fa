package io.paretoprune.pruning;

import java.util.List;
import java.util.Locale;

/** What happens to a pruned weight after it is pruned. */
public enum Regrowth {
  /**
   * The paper's policy: the rule is re-applied to the current values at each pruning event, so a
   * pruned weight that the step rule moves back above the rule's bar comes back.
   */
  REGROW,
  /**
   * The mask accumulates: a weight once pruned stays 0 for the rest of the run, and the step rule's
   * state for it (momentum, Adam's moments) is zeroed after every step so it cannot come back
   * through that state either.
   */
  FIXED;

  /** The names configs use. */
  public static final List<String> NAMES = List.of("regrow", "fixed");

  public static Regrowth parse(String name) {
    return valueOf(name.toUpperCase(Locale.ROOT));
  }

  @Override
  public String toString() {
    return name().toLowerCase(Locale.ROOT);
  }
}
