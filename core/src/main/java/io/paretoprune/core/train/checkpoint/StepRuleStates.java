package io.paretoprune.core.train.checkpoint;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.train.seam.StepRuleState;
import java.lang.reflect.Field;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Finds the per-parameter state of a DJL step rule.
 *
 * <p>DJL's {@code Sgd} and {@code Adam} keep their state in private fields of type {@code
 * Map<String, Map<Device, NDArray>>} and offer no accessor, so this reads those fields
 * reflectively. A step rule can avoid reflection by implementing {@link StepRuleState} itself.
 * Tests pin the behaviour on every DJL optimizer the project pairs, so an upgrade that renames the
 * fields fails there, not silently.
 */
public final class StepRuleStates {
  private StepRuleStates() {}

  public static StepRuleState of(Optimizer optimizer) {
    if (optimizer instanceof StepRuleState own) {
      return own;
    }
    List<Field> fields = stateFields(optimizer);
    if (fields.isEmpty()) {
      return StepRuleState.NONE;
    }
    return (parameterId, keep) -> {
      for (Field f : fields) {
        for (NDArray state : states(optimizer, f, parameterId)) {
          state.muli(keep);
        }
      }
    };
  }

  /**
   * Every state array a DJL step rule keeps for {@code parameterId} (for tests and diagnostics;
   * under the trainer the id is {@link MultiObjectiveTrainer#FLAT_ID}).
   */
  public static List<NDArray> arrays(Optimizer optimizer, String parameterId) {
    List<NDArray> out = new ArrayList<>();
    for (Field f : stateFields(optimizer)) {
      out.addAll(states(optimizer, f, parameterId));
    }
    return out;
  }

  /**
   * The rule's instance fields of type {@code Map}, made accessible: its per-parameter state
   * ({@code Map<String, Map<Device, NDArray>>}) and DJL's {@code Optimizer.updateCounts}.
   */
  static List<Field> stateFields(Optimizer optimizer) {
    List<Field> out = new ArrayList<>();
    for (Class<?> c = optimizer.getClass(); c != null && c != Object.class; c = c.getSuperclass()) {
      for (Field f : c.getDeclaredFields()) {
        if (Map.class.isAssignableFrom(f.getType())
            && !java.lang.reflect.Modifier.isStatic(f.getModifiers())) {
          f.setAccessible(true);
          out.add(f);
        }
      }
    }
    return out;
  }

  /** The value of one of {@link #stateFields}. */
  static Map<?, ?> read(Optimizer optimizer, Field field) {
    try {
      return (Map<?, ?>) field.get(optimizer);
    } catch (IllegalAccessException e) {
      throw new IllegalStateException("cannot read step rule state " + field, e);
    }
  }

  /** The state arrays of one parameter in one field; empty when the field holds none. */
  static List<NDArray> states(Optimizer optimizer, Field field, String parameterId) {
    List<NDArray> out = new ArrayList<>();
    if (read(optimizer, field).get(parameterId) instanceof Map<?, ?> perDevice) {
      for (Map.Entry<?, ?> e : perDevice.entrySet()) {
        if (e.getKey() instanceof Device && e.getValue() instanceof NDArray a) {
          out.add(a);
        }
      }
    }
    return out;
  }
}
