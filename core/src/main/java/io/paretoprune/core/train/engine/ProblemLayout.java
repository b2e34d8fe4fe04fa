package io.paretoprune.core.train.engine;

import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.objective.Penalty;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.GroupRule;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * The problem resolved against a network once, before training. Trainable parameters are laid out
 * in the flat array group by group, and within a group kind by kind (dense kernels, dense biases,
 * conv kernels, ...), so that every group and every usual penalty selection is one contiguous
 * range: the per-step loop then works on a few slices instead of many arrays.
 */
final class ProblemLayout {
  /** A contiguous range {@code [from, to)} of the flat parameter array. */
  record Range(long from, long to) {
    long length() {
      return to - from;
    }
  }

  /** A penalty of an objective and the ranges it applies to. */
  record PenaltyRuns(int objective, Penalty penalty, List<Range> runs) {}

  final List<Objective> objectives;

  /** Trainable parameters in flat layout order. */
  final List<ParameterRef> params;

  final long[] offsets;
  final List<GroupRule> groups;

  /** Range of each group in the flat array (groups are contiguous by construction). */
  final Range[] groupRanges;

  final List<PenaltyRuns> penalties = new ArrayList<>();

  /** Objectives with a data loss, in order. */
  final int[] autograd;

  ProblemLayout(List<Objective> objectives, ParameterCatalog catalog, CombinationPlan plan) {
    this.objectives = List.copyOf(objectives);
    int k = objectives.size();
    for (GroupRule g : plan.groups()) {
      for (int o : g.objectives()) {
        if (o < 0 || o >= k) {
          throw new IllegalArgumentException(
              "group '" + g.name() + "' names objective " + o + " but the problem has " + k);
        }
      }
    }
    List<ParameterRef> trainable = catalog.trainable();
    List<GroupRule> used = new ArrayList<>();
    for (GroupRule g : plan.groups()) {
      if (trainable.stream().anyMatch(p -> firstGroup(plan.groups(), p) == g)) {
        used.add(g);
      }
    }
    this.groups = List.copyOf(used);
    List<ParameterRef> ordered = new ArrayList<>(trainable);
    ordered.sort(
        Comparator.comparingInt((ParameterRef p) -> groupOf(p))
            .thenComparingInt(p -> p.kind().ordinal())
            .thenComparingInt(trainable::indexOf));
    this.params = List.copyOf(ordered);
    offsets = new long[params.size() + 1];
    for (int i = 0; i < params.size(); i++) {
      offsets[i + 1] = offsets[i] + params.get(i).size();
    }
    groupRanges = new Range[groups.size()];
    for (int g = 0; g < groups.size(); g++) {
      long from = -1;
      long to = -1;
      for (int i = 0; i < params.size(); i++) {
        if (groupOf(params.get(i)) == g) {
          from = from < 0 ? offsets[i] : from;
          to = offsets[i + 1];
        }
      }
      groupRanges[g] = from < 0 ? null : new Range(from, to);
    }
    List<Integer> auto = new ArrayList<>();
    for (int i = 0; i < k; i++) {
      Objective o = objectives.get(i);
      if (o.needsAutograd()) {
        auto.add(i);
      }
      for (Penalty pen : o.penalties()) {
        if (pen.elementwise()) {
          penalties.add(new PenaltyRuns(i, pen, runs(pen)));
        } else {
          perParameter(i, pen);
        }
      }
    }
    autograd = auto.stream().mapToInt(Integer::intValue).toArray();
  }

  private int groupOf(ParameterRef p) {
    return groups.indexOf(firstGroup(groups, p));
  }

  private static GroupRule firstGroup(List<GroupRule> groups, ParameterRef p) {
    for (GroupRule g : groups) {
      if (g.selector().matches(p)) {
        return g;
      }
    }
    throw new IllegalArgumentException(
        "parameter " + p.name() + " belongs to no group of the optimizer");
  }

  /**
   * A penalty that groups entries (group lasso) sees each selected parameter alone, viewed as
   * {@code [units, fanIn]}, never a range spanning two parameters.
   */
  private void perParameter(int objective, Penalty pen) {
    for (int i = 0; i < params.size(); i++) {
      ParameterRef p = params.get(i);
      if (pen.selector().matches(p)) {
        long units = p.array().getShape().dimension() == 0 ? 1 : p.array().getShape().get(0);
        penalties.add(
            new PenaltyRuns(
                objective,
                new ParameterUnitsPenalty(pen, p.size() / units),
                List.of(new Range(offsets[i], offsets[i + 1]))));
      }
    }
  }

  /** Maximal contiguous ranges of the parameters a penalty selects. */
  private List<Range> runs(Penalty pen) {
    List<Range> out = new ArrayList<>();
    long from = -1;
    for (int i = 0; i <= params.size(); i++) {
      boolean in = i < params.size() && pen.selector().matches(params.get(i));
      if (in && from < 0) {
        from = offsets[i];
      } else if (!in && from >= 0) {
        out.add(new Range(from, offsets[i]));
        from = -1;
      }
    }
    return out;
  }

  int objectiveCount() {
    return objectives.size();
  }

  long size() {
    return offsets[params.size()];
  }
}
