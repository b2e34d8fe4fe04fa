package io.paretoprune.core.train.checkpoint;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.engine.FlatParameters;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.seam.StepHook;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Takes a trainer's state into a {@link TrainerSnapshot} and puts it back: the flat parameter array
 * and every other parameter (BatchNorm statistics), each step rule instance's state, each group's
 * combiner state and each hook's state. Arrays are written back in place, so the layers keep
 * sharing storage with the flat array.
 */
public final class SnapshotCodec {
  private final FlatParameters flat;
  private final List<ParameterRef> others;
  private final Map<String, Optimizer> rules;
  private final List<GroupRule> groups;
  private final List<StepHook> hooks;

  /**
   * @param all every parameter of the network
   * @param rules the step rule instances by a stable name
   */
  public SnapshotCodec(
      FlatParameters flat,
      List<ParameterRef> all,
      List<ParameterRef> trainable,
      Map<String, Optimizer> rules,
      List<GroupRule> groups,
      List<StepHook> hooks) {
    this.flat = flat;
    Set<String> inFlat = new HashSet<>();
    trainable.forEach(p -> inFlat.add(p.name()));
    this.others = all.stream().filter(p -> !inFlat.contains(p.name())).toList();
    this.rules = rules;
    this.groups = groups;
    this.hooks = hooks;
  }

  public TrainerSnapshot take(int epoch, long step, List<EpochMetrics> history, NDManager manager) {
    NDList arrays = new NDList();
    Map<String, Integer> counters = new HashMap<>();
    arrays.add(named(flat.array().duplicate(), "param:flat"));
    for (ParameterRef p : others) {
      arrays.add(named(p.array().duplicate(), "param:" + p.name()));
    }
    rules.forEach((name, rule) -> StepRuleSnapshots.save(rule, "step:" + name, arrays, counters));
    for (int g = 0; g < groups.size(); g++) {
      double[] state = groups.get(g).combiner().saveState();
      if (state != null) {
        arrays.add(named(manager.create(state), "combiner:" + g));
      }
    }
    for (int h = 0; h < hooks.size(); h++) {
      for (NDArray a : hooks.get(h).saveState()) {
        arrays.add(named(a.duplicate(), "hook:" + h + ":" + a.getName()));
      }
    }
    return new TrainerSnapshot(epoch, step, history, arrays, counters);
  }

  /** Restores weights, step rules and combiners; returns each hook's saved arrays. */
  public List<NDList> restore(TrainerSnapshot s) {
    Map<String, NDArray> byName = new HashMap<>();
    for (NDArray a : s.arrays()) {
      byName.put(a.getName(), a);
    }
    copyInto(byName, "param:flat", flat.array());
    for (ParameterRef p : others) {
      copyInto(byName, "param:" + p.name(), p.array());
    }
    rules.forEach(
        (name, rule) -> StepRuleSnapshots.restore(rule, "step:" + name, s.arrays(), s.counters()));
    for (int g = 0; g < groups.size(); g++) {
      NDArray state = byName.get("combiner:" + g);
      if (state != null) {
        groups.get(g).combiner().restoreState(state.toDoubleArray());
      }
    }
    List<NDList> hookStates = new java.util.ArrayList<>();
    for (int h = 0; h < hooks.size(); h++) {
      String prefix = "hook:" + h + ":";
      NDList mine = new NDList();
      for (NDArray a : s.arrays()) {
        if (a.getName() != null && a.getName().startsWith(prefix)) {
          a.setName(a.getName().substring(prefix.length()));
          mine.add(a);
        }
      }
      hookStates.add(mine);
    }
    return hookStates;
  }

  private static NDArray named(NDArray a, String name) {
    a.setName(name);
    return a;
  }

  private static void copyInto(Map<String, NDArray> byName, String name, NDArray target) {
    NDArray saved = byName.get(name);
    if (saved == null || !saved.getShape().equals(target.getShape())) {
      throw new IllegalStateException(
          "checkpoint does not fit the network: "
              + name
              + (saved == null ? " is missing" : " has shape " + saved.getShape()));
    }
    // In place: the layers' parameters are views of the flat array and must stay so.
    target.set(new NDIndex(":"), saved.toType(target.getDataType(), false));
    saved.close();
  }
}
