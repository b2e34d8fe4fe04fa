package io.paretoprune.core.train;

/**
 * Where a step rule meets the objectives.
 *
 * <ul>
 *   <li>{@link #COMBINED}: one step rule on the combined direction {@code d = sum c_i g_i} (SMGD:
 *       one velocity for d; and every scalarization, which is plain training on the weighted sum).
 *   <li>{@link #PER_OBJECTIVE}: one step rule state per objective (and parameter group), fed with
 *       that objective's own gradient; the rule's updates are weighted by {@code c} and summed (the
 *       original MAdam and MRMSProp: {@code w -= lr_t sum_i c_i m_i / (sqrt(v_i) + eps)}).
 * </ul>
 */
public enum StepApplication {
  COMBINED("combined"),
  PER_OBJECTIVE("per-objective");

  private final String id;

  StepApplication(String id) {
    this.id = id;
  }

  /** The name used in suites ({@code apply: per-objective}). */
  public String id() {
    return id;
  }

  /** The application called {@code id}; null when none is. */
  public static StepApplication byId(String id) {
    for (StepApplication a : values()) {
      if (a.id.equals(id)) {
        return a;
      }
    }
    return null;
  }
}
