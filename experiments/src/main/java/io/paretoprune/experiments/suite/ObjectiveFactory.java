package io.paretoprune.experiments.suite;

import io.paretoprune.core.objective.GroupLassoPenalty;
import io.paretoprune.core.objective.L1Penalty;
import io.paretoprune.core.objective.L2Penalty;
import io.paretoprune.core.objective.LossTerm;
import io.paretoprune.core.objective.LossTerms;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.objective.Penalty;
import io.paretoprune.core.param.ParameterSelector;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Turns objective specs into core objectives. */
public final class ObjectiveFactory {
  private ObjectiveFactory() {}

  public static List<Objective> build(List<SuiteSpec.ObjectiveSpec> specs) {
    List<Objective> out = new ArrayList<>();
    for (SuiteSpec.ObjectiveSpec s : specs) {
      Optional<LossTerm> loss =
          s.loss() == null ? Optional.empty() : Optional.of(LossTerms.get(s.loss()));
      List<Penalty> penalties = new ArrayList<>();
      for (SuiteSpec.PenaltySpec p : s.penalties()) {
        ParameterSelector on = ParameterSelector.parse(p.on());
        penalties.add(
            switch (p.type()) {
              case "l1" -> new L1Penalty(on, p.factor());
              case "l2" -> new L2Penalty(on, p.factor());
              case "group_lasso" -> new GroupLassoPenalty(on, p.factor());
              default -> throw new IllegalArgumentException("unknown penalty " + p.type());
            });
      }
      out.add(new Objective(s.name(), loss, penalties));
    }
    return out;
  }
}
