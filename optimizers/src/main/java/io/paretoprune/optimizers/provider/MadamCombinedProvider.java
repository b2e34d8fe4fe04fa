package io.paretoprune.optimizers.provider;

import io.paretoprune.core.train.StepApplication;

/**
 * {@code madam-combined}: min-norm weights and one Adam on the combined direction. Not the paper's
 * MAdam: Adam's per-coordinate scaling lets the L1 part dominate every small dense weight (kept to
 * reproduce that collapse).
 */
public final class MadamCombinedProvider extends PresetProvider {
  public MadamCombinedProvider() {
    super(
        "madam-combined",
        "min-norm weights, ONE Adam on the combined direction: not the paper's MAdam (its L1 part dominates small weights)",
        "min-norm",
        "adam",
        StepApplication.COMBINED);
  }
}
