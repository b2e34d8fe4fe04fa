package io.paretoprune.core.train;

import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.objective.Penalty;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import java.util.ArrayList;
import java.util.List;

/**
 * The problem resolved against a network once, before training: which penalty touches which
 * parameter and which group updates it, so the per-step loop only indexes arrays.
 */
final class ProblemLayout {
  final List<Objective> objectives;
  final List<ParameterRef> params;

  /** penalties[i][p]: the penalties of objective i on parameter p. */
  final Penalty[][][] penalties;

  /** Objectives with a data loss, in order. */
  final int[] autograd;

  /** Per group, the indices of its parameters. */
  final int[][] members;

  /**
   * The plan's groups that select at least one parameter: a group the network has no parameters for
   * (the conv group of a split plan on an MLP) updates nothing and is left out.
   */
  final List<GroupRule> groups;

  ProblemLayout(List<Objective> objectives, ParameterCatalog catalog, CombinationPlan plan) {
    this.objectives = List.copyOf(objectives);
    this.params = catalog.trainable();
    List<GroupRule> planned = plan.groups();
    int k = objectives.size();
    int n = params.size();
    penalties = new Penalty[k][n][];
    List<Integer> auto = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Objective o = objectives.get(i);
      if (o.needsAutograd()) {
        auto.add(i);
      }
      for (int p = 0; p < n; p++) {
        List<Penalty> on = new ArrayList<>();
        for (Penalty pen : o.penalties()) {
          if (pen.selector().matches(params.get(p))) {
            on.add(pen);
          }
        }
        penalties[i][p] = on.toArray(new Penalty[0]);
      }
    }
    autograd = auto.stream().mapToInt(Integer::intValue).toArray();
    for (GroupRule g : planned) {
      for (int o : g.objectives()) {
        if (o < 0 || o >= k) {
          throw new IllegalArgumentException(
              "group '" + g.name() + "' names objective " + o + " but the problem has " + k);
        }
      }
    }
    List<List<Integer>> m = new ArrayList<>();
    for (int g = 0; g < planned.size(); g++) {
      m.add(new ArrayList<>());
    }
    for (int p = 0; p < n; p++) {
      int g = 0;
      while (g < planned.size() && !planned.get(g).selector().matches(params.get(p))) {
        g++;
      }
      if (g == planned.size()) {
        throw new IllegalArgumentException(
            "parameter " + params.get(p).name() + " belongs to no group of the optimizer");
      }
      m.get(g).add(p);
    }
    List<GroupRule> used = new ArrayList<>();
    List<int[]> usedMembers = new ArrayList<>();
    for (int g = 0; g < planned.size(); g++) {
      if (!m.get(g).isEmpty()) {
        used.add(planned.get(g));
        usedMembers.add(m.get(g).stream().mapToInt(Integer::intValue).toArray());
      }
    }
    groups = List.copyOf(used);
    members = usedMembers.toArray(new int[0][]);
  }

  int objectiveCount() {
    return objectives.size();
  }
}
