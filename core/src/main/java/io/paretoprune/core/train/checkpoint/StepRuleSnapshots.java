package io.paretoprune.core.train.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.training.optimizer.Optimizer;
import java.lang.reflect.Field;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Copies a DJL step rule's state out and back in, for epoch checkpoints.
 *
 * <p>DJL's optimizers keep their state in private fields ({@code Map<String, Map<Device, NDArray>>}
 * per state, and {@code Optimizer.updateCounts}, which Adam's bias correction and every schedule
 * read) with no accessor and no serialisation; the fields are found by {@link
 * StepRuleStates#stateFields}, as for masks. {@code CheckpointResumeTest} pins it on the step rules
 * the project ships.
 */
final class StepRuleSnapshots {
  private StepRuleSnapshots() {}

  /** Adds the rule's state arrays and update counts under {@code prefix}. */
  @SuppressWarnings("unchecked")
  static void save(Optimizer rule, String prefix, NDList arrays, Map<String, Integer> counters) {
    for (Field f : StepRuleStates.stateFields(rule)) {
      Map<?, ?> map = StepRuleStates.read(rule, f);
      if (f.getName().equals("updateCounts")) {
        ((Map<String, Integer>) map).forEach((id, n) -> counters.put(prefix + ":" + id, n));
        continue;
      }
      for (Map.Entry<?, ?> e : map.entrySet()) {
        if (e.getValue() instanceof Map<?, ?> perDevice) {
          for (Object a : perDevice.values()) {
            if (a instanceof NDArray array) {
              NDArray copy = array.duplicate();
              copy.setName(prefix + ":" + f.getName() + ":" + e.getKey());
              arrays.add(copy);
            }
          }
        }
      }
    }
  }

  /** Puts the state saved under {@code prefix} back into the rule. */
  @SuppressWarnings("unchecked")
  static void restore(Optimizer rule, String prefix, NDList arrays, Map<String, Integer> counters) {
    for (Field f : StepRuleStates.stateFields(rule)) {
      Map<Object, Object> map = (Map<Object, Object>) StepRuleStates.read(rule, f);
      if (f.getName().equals("updateCounts")) {
        counters.forEach(
            (key, n) -> {
              if (key.startsWith(prefix + ":")) {
                map.put(key.substring(prefix.length() + 1), n);
              }
            });
        continue;
      }
      String start = prefix + ":" + f.getName() + ":";
      for (NDArray a : arrays) {
        if (a.getName() != null && a.getName().startsWith(start)) {
          Map<Device, NDArray> perDevice = new ConcurrentHashMap<>();
          perDevice.put(a.getDevice(), a);
          map.put(a.getName().substring(start.length()), perDevice);
        }
      }
    }
  }
}
