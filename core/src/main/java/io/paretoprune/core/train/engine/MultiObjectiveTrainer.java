package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainerSpec;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.checkpoint.CheckpointStore;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.core.train.seam.TrainingListener;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Trains a network on k objectives: one run, trained by {@link StepEngine} as a pack of one whose
 * forward pass is the plain block ({@link LoneForward}).
 *
 * <p>Per step: {@code g_i} = gradient of objective i (autograd for its data loss plus analytic
 * penalty gradients); per parameter group, {@code c = combiner(G)} with {@code G = [g_i . g_j]};
 * {@code d = sum_i c_i g_i}; the step rule (a DJL {@link Optimizer}) applies {@code d}; then the
 * step hooks run (pruning). Initial weights are the caller's: initialise the block before.
 */
public final class MultiObjectiveTrainer {
  /** Below this {@code ||d||} a step counts as Pareto-stationary. */
  public static final double STATIONARY_TOLERANCE = 1e-8;

  /** The id under which the step rule keeps its state for the flat parameter array. */
  public static final String FLAT_ID = "paretoprune.flat";

  private final RunState run;
  private final StepEngine engine;

  private MultiObjectiveTrainer(TrainerSpec spec, NDManager manager) {
    this.run = new RunState(spec);
    ParameterStore store = new ParameterStore(manager, false);
    FlatParameters flat = FlatParameters.adopt(run.layout.params, manager);
    run.adopt(flat, manager, store);
    this.engine =
        new StepEngine(
            List.of(run), new LoneForward(spec.block(), store, flat), flat.array(), manager);
  }

  public static Builder builder() {
    return new Builder();
  }

  public ParameterCatalog parameters() {
    return run.catalog;
  }

  /** Trains for the configured epochs; a NaN or Inf ends the run as diverged, never throws it. */
  public TrainingResult fit(TensorDataset train, TensorDataset test) {
    return fit(train, test, Map.of());
  }

  /**
   * As {@link #fit(TensorDataset, TensorDataset)}, evaluating every split of {@code extraTests} (by
   * name, in order) as the test split after each epoch ({@link
   * io.paretoprune.core.train.result.EpochMetrics#extraTests}).
   */
  public TrainingResult fit(
      TensorDataset train, TensorDataset test, Map<String, TensorDataset> extraTests) {
    return engine.fit(train, test, extraTests).get(0);
  }

  /** Builder; {@code setX} is required, {@code optX} has a default. */
  public static final class Builder {
    Block block;
    ParameterCatalog catalog;
    List<Objective> objectives;
    CombinationPlan plan;
    Optimizer stepRule;
    StepPlan stepPlan;
    TrainingConfig config;
    final List<StepHook> hooks = new ArrayList<>();
    final List<TrainingListener> listeners = new ArrayList<>();
    NDManager manager;
    CheckpointStore checkpoints;
    List<TaskMetric> metrics;

    public Builder setBlock(Block block) {
      this.block = block;
      return this;
    }

    public Builder optCatalog(ParameterCatalog catalog) {
      this.catalog = catalog;
      return this;
    }

    public Builder setObjectives(List<Objective> objectives) {
      this.objectives = objectives;
      return this;
    }

    public Builder setPlan(CombinationPlan plan) {
      this.plan = plan;
      return this;
    }

    /** A step rule on the combined direction (give this or {@link #setStepPlan}). */
    public Builder setStepRule(Optimizer stepRule) {
      this.stepRule = stepRule;
      return this;
    }

    /**
     * The step rule as a plan: a factory, the schedule and where it meets the objectives (give this
     * or {@link #setStepRule}).
     */
    public Builder setStepPlan(StepPlan plan) {
      this.stepPlan = plan;
      return this;
    }

    public Builder setConfig(TrainingConfig config) {
      this.config = config;
      return this;
    }

    public Builder addHook(StepHook hook) {
      hooks.add(hook);
      return this;
    }

    public Builder addListener(TrainingListener listener) {
      listeners.add(listener);
      return this;
    }

    /**
     * Saves a snapshot after every completed epoch but the last, and resumes from the one it holds
     * at the start of {@code fit}.
     */
    public Builder optCheckpoints(CheckpointStore checkpoints) {
      this.checkpoints = checkpoints;
      return this;
    }

    /**
     * The task's metrics, measured on the training batches and the test split (accuracy by
     * default).
     */
    public Builder optMetrics(List<TaskMetric> metrics) {
      this.metrics = metrics;
      return this;
    }

    public Builder setManager(NDManager manager) {
      this.manager = manager;
      return this;
    }

    /** The run this builder describes, as a plain value. */
    public TrainerSpec spec() {
      return new TrainerSpec(
          block,
          catalog,
          objectives,
          plan,
          stepRule,
          stepPlan,
          config,
          hooks,
          listeners,
          checkpoints,
          metrics);
    }

    public MultiObjectiveTrainer build() {
      return new MultiObjectiveTrainer(spec(), Objects.requireNonNull(manager, "manager"));
    }
  }
}
