package io.paretoprune.optimizers.step;

import ai.djl.Device;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.ParameterTracker;
import io.paretoprune.core.train.seam.StepRuleState;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What the hand-written step rules share: per-parameter state arrays that outlive any {@link
 * NDScope}, DJL's gradient preprocessing, and access to the state for fixed pruning masks.
 *
 * <p>The gradient a rule works on is DJL's: {@code g = clip(rescaleGrad * grad, -clipGrad,
 * clipGrad) + weightDecay * w} (no clipping when {@code clipGrad < 0}).
 */
abstract class StatefulStepRule extends Optimizer implements StepRuleState {
  private final ParameterTracker learningRate;
  private final List<Map<String, Map<Device, NDArray>>> states = new ArrayList<>();

  StatefulStepRule(OptimizerBuilder<?> builder, ParameterTracker learningRate) {
    super(builder);
    this.learningRate = learningRate;
  }

  /** A new per-parameter state, zero-initialised on first use. */
  final Map<String, Map<Device, NDArray>> newState() {
    Map<String, Map<Device, NDArray>> s = new ConcurrentHashMap<>();
    states.add(s);
    return s;
  }

  /**
   * The parameter's state array, created on first use like the weight and kept out of any open
   * scope: the rule owns it for as long as it lives.
   */
  final NDArray state(Map<String, Map<Device, NDArray>> map, String parameterId, NDArray weight) {
    return withDefaultState(
        map,
        parameterId,
        weight.getDevice(),
        k -> {
          NDArray zeros = weight.zerosLike();
          NDScope.unregister(zeros);
          return zeros;
        });
  }

  /** The learning rate of this update; counts the update. */
  final float learningRate(String parameterId) {
    return learningRate.getNewValue(parameterId, updateCount(parameterId));
  }

  /** DJL's preprocessed gradient; call inside a scope. */
  final NDArray preprocess(NDArray weight, NDArray grad) {
    NDArray g = rescaleGrad == 1f ? grad : grad.mul(rescaleGrad);
    if (clipGrad >= 0) {
      g = g.clip(-clipGrad, clipGrad);
    }
    float wd = getWeightDecay();
    return wd == 0f ? g : g.add(weight.mul(wd));
  }

  @Override
  public void mask(String parameterId, NDArray keep) {
    for (Map<String, Map<Device, NDArray>> map : states) {
      Map<Device, NDArray> perDevice = map.get(parameterId);
      if (perDevice != null) {
        for (NDArray a : perDevice.values()) {
          a.muli(keep);
        }
      }
    }
  }
}
