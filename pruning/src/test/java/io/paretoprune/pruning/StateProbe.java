package io.paretoprune.pruning;

import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Reads a DJL step rule's per-parameter state arrays for assertions, the way core's {@code
 * StepRuleStates} finds them (private {@code Map<String, Map<Device, NDArray>>} fields).
 */
final class StateProbe {
  private StateProbe() {}

  static List<NDArray> states(Optimizer optimizer, String parameterId) throws Exception {
    List<NDArray> out = new ArrayList<>();
    for (Class<?> c = optimizer.getClass(); c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (!Map.class.isAssignableFrom(f.getType()) || Modifier.isStatic(f.getModifiers())) {
          continue;
        }
        f.setAccessible(true);
        Object perParameter = ((Map<?, ?>) f.get(optimizer)).get(parameterId);
        if (perParameter instanceof Map<?, ?> perDevice) {
          for (Object v : perDevice.values()) {
            if (v instanceof NDArray a) {
              out.add(a);
            }
          }
        }
      }
    }
    return out;
  }
}
