package io.paretoprune.core.train;

import ai.djl.nn.Block;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.task.ImageClassification;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.train.checkpoint.CheckpointStore;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.core.train.seam.TrainingListener;
import java.util.List;
import java.util.Objects;

/**
 * Everything that defines one training run, as a plain value: what {@link
 * MultiObjectiveTrainer.Builder} collects and what a run of a pack is described by.
 *
 * @param block the network, initialised
 * @param catalog its parameters (null: {@link ParameterCatalog#of} the block)
 * @param stepRule a step rule on the combined direction, or null when {@code stepPlan} is given
 * @param stepPlan the step rule as a plan, or null when {@code stepRule} is given
 * @param checkpoints where epoch snapshots go, or null for none
 * @param metrics the task's metrics, primary first (null: accuracy, for image classification)
 */
public record TrainerSpec(
    Block block,
    ParameterCatalog catalog,
    List<Objective> objectives,
    CombinationPlan plan,
    Optimizer stepRule,
    StepPlan stepPlan,
    TrainingConfig config,
    List<StepHook> hooks,
    List<TrainingListener> listeners,
    CheckpointStore checkpoints,
    List<TaskMetric> metrics) {
  public TrainerSpec {
    Objects.requireNonNull(block, "block");
    Objects.requireNonNull(objectives, "objectives");
    Objects.requireNonNull(plan, "plan");
    Objects.requireNonNull(config, "config");
    if ((stepRule == null) == (stepPlan == null)) {
      throw new IllegalArgumentException(
          "give the trainer exactly one of a step rule and a step plan");
    }
    catalog = catalog != null ? catalog : ParameterCatalog.of(block);
    objectives = List.copyOf(objectives);
    hooks = List.copyOf(hooks);
    listeners = List.copyOf(listeners);
    metrics = metrics != null ? List.copyOf(metrics) : new ImageClassification().metrics();
  }
}
