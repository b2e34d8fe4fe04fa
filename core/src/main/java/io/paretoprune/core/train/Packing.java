package io.paretoprune.core.train;

import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.train.seam.ModelPacker;
import java.util.List;
import java.util.Optional;

/**
 * The one place that decides whether runs can train packed into one network ({@link
 * PackedTrainer}). The suite planner asks before it groups runs, and the packed trainer checks the
 * same rule, so a run the planner packs is never refused later.
 */
public final class Packing {
  private Packing() {}

  /**
   * Why a run with these parts cannot be packed, or empty when it can: its model must offer a
   * packer, every data loss must have a per-run form ({@code LossTerm.packable}), and its optimizer
   * must combine its objectives over all parameters at once (one group).
   */
  public static Optional<String> obstacle(
      Optional<ModelPacker> packer, List<Objective> objectives, CombinationPlan plan) {
    if (packer.isEmpty()) {
      return Optional.of("the model offers no packer");
    }
    for (Objective o : objectives) {
      if (o.loss().isPresent() && !o.loss().get().packable()) {
        return Optional.of("data loss " + o.loss().get().name() + " has no per-run form");
      }
    }
    if (plan.groups().size() != 1) {
      return Optional.of(
          "a packed run combines its objectives over all parameters (one group), this one has "
              + plan.groups().size());
    }
    return Optional.empty();
  }
}
