package io.paretoprune.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterCatalog;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains a network on k objectives.
 *
 * <p>Per step: {@code g_i} = gradient of objective i (autograd for its data loss plus analytic
 * penalty gradients); per parameter group, {@code c = combiner(G)} with {@code G = [g_i . g_j]};
 * {@code d = sum_i c_i g_i}; the step rule (a DJL {@link Optimizer}) applies {@code d}; then the
 * step hooks run (pruning). Initial weights are the caller's: initialise the block before.
 *
 * <p>Native memory: every array a step creates lives in an {@link NDScope} closed at the step's
 * end, except what the step rule keeps (its state is created outside the scope).
 */
public final class MultiObjectiveTrainer {
  /** Below this {@code ||d||} a step counts as Pareto-stationary. */
  public static final double STATIONARY_TOLERANCE = 1e-8;

  private final Block block;
  private final RunState run;
  private final ProblemLayout layout;
  private final TrainingConfig config;
  private final NDManager manager;
  private final ParameterStore store;
  private final FlatParameters flat;

  /** The id under which the step rule keeps its state for the flat parameter array. */
  public static final String FLAT_ID = "paretoprune.flat";

  private MultiObjectiveTrainer(Builder b) {
    this.run = new RunState(b);
    this.block = b.block;
    this.layout = run.layout;
    this.config = run.config;
    this.manager = Objects.requireNonNull(b.manager, "manager");
    this.store = new ParameterStore(manager, false);
    this.flat = FlatParameters.adopt(layout.params, manager);
    run.adopt(flat, manager, store);
  }

  public static Builder builder() {
    return new Builder();
  }

  public ParameterCatalog parameters() {
    return run.catalog;
  }

  /** Trains for the configured epochs; a NaN or Inf ends the run as diverged, never throws it. */
  public TrainingResult fit(TensorDataset train, TensorDataset test) {
    int stepsPerEpoch = config.stepsPerEpoch(train.size());
    if (stepsPerEpoch == 0) {
      throw new IllegalArgumentException(
          "training split of "
              + train.size()
              + " examples is smaller than one batch of "
              + config.batchSize());
    }
    long totalSteps = (long) stepsPerEpoch * config.epochs();
    Optional<TrainerSnapshot> resumed = run.checkpoint(manager);
    run.resume(resumed, (int) train.size(), stepsPerEpoch, totalSteps);
    int first = resumed.map(TrainerSnapshot::epoch).orElse(0) + 1;
    long step = resumed.map(TrainerSnapshot::step).orElse(0L);
    for (int epoch = first; epoch <= config.epochs() && run.active(); epoch++) {
      // The engine's generator (dropout) restarts from the seed and the epoch, so an epoch run
      // after a resume draws what it would have drawn without the interruption.
      Engine.getInstance().setRandomSeed(Seeds.engineSeed(config.seed(), epoch));
      run.startEpoch((int) train.size(), manager);
      long start = System.nanoTime();
      // Each batch gathers its own rows: a shuffled copy of the whole training set per epoch
      // would cost a large allocation (and its page faults) inside every epoch.
      try (NDArray order = manager.create(run.order)) {
        for (int s = 0; s < stepsPerEpoch; s++) {
          step++;
          long from = (long) s * config.batchSize();
          NDIndex range = new NDIndex().addSliceDim(from, from + config.batchSize());
          try (NDArray rows = order.get(range)) {
            step(train.features().get(rows), train.labels().get(rows), run.acc, step, epoch);
          } catch (NonFiniteGradientException e) {
            run.diverge(epoch, e.getMessage() + " at step " + step);
            return run.result();
          }
          run.afterStep(step, epoch, stepsPerEpoch, totalSteps);
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      run.finishEpoch(epoch, step, stepsPerEpoch, seconds, test, manager);
    }
    return run.result();
  }

  private void step(NDArray x, NDArray y, EpochAccumulator acc, long step, int epoch) {
    int k = layout.objectiveCount();
    int groups = layout.groups.size();
    PerObjectiveStep perObjective = run.perObjective;
    NDArray direction = null;
    NDArray[][] perObjectiveGrads = new NDArray[groups][];
    double[][] weights = new double[groups][];
    List<StepRecord> records = new ArrayList<>(groups);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDScope.register(x);
      NDScope.register(y);
      FlatGradient[] g = new FlatGradient[k];
      NDArray[] dataLoss = new NDArray[k];
      for (int a = 0; a < layout.autograd.length; a++) {
        int i = layout.autograd[a];
        flat.zeroGradient();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
          NDArray loss = layout.objectives.get(i).loss().orElseThrow().evaluate(logits, y);
          collector.backward(loss);
          acc.addLoss(i, loss);
          dataLoss[i] = loss;
          if (a == 0) {
            acc.addCorrect(logits, y);
          }
        }
        g[i] = new FlatGradient(flat.gradient(), new ArrayList<>());
      }
      for (int i = 0; i < k; i++) {
        if (g[i] == null) {
          g[i] = new FlatGradient(null, new ArrayList<>());
        }
      }
      for (ProblemLayout.PenaltyRuns pr : layout.penalties) {
        FlatGradient gi = g[pr.objective()];
        for (ProblemLayout.Range r : pr.runs()) {
          NDIndex slice = FlatParameters.slice(r.from(), r.to());
          NDArray pg = pr.penalty().gradient(flat.array().get(slice));
          if (gi.full != null) {
            gi.full.get(slice).addi(pg);
          } else {
            gi.parts.add(new GradientPart(r.from(), r.to(), pg));
          }
        }
      }
      BatchLosses losses = new BatchLosses(layout, flat, dataLoss);
      List<NDArray> parts = new ArrayList<>(groups);
      for (int gi = 0; gi < groups; gi++) {
        if (layout.groupRanges[gi] == null) {
          continue;
        }
        FlatGradient[] rows = GroupDirection.rows(layout, gi, g);
        weights[gi] = GroupDirection.weights(layout, gi, rows, losses, step, epoch, records);
        if (perObjective != null) {
          perObjectiveGrads[gi] = perObjective.prepare(gi, rows, manager);
        } else {
          parts.add(
              GroupDirection.direction(
                  rows, weights[gi], layout.groupRanges[gi].length(), manager));
        }
      }
      if (perObjective == null) {
        // Groups are contiguous and in layout order, so their directions concatenate.
        direction = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts));
        NDScope.unregister(direction);
      }
    }
    // The step rule runs outside the scope: the state it creates on its first call must live on.
    if (perObjective == null) {
      run.stepRule.update(FLAT_ID, flat.array(), direction);
      direction.close();
    } else {
      for (int gi = 0; gi < groups; gi++) {
        if (perObjectiveGrads[gi] != null) {
          perObjective.apply(gi, perObjectiveGrads[gi], weights[gi]);
        }
      }
    }
    run.record(records);
  }

  /** Builder; {@code setX} is required, {@code optX} has a default. */
  public static final class Builder {
    Block block;
    ParameterCatalog catalog;
    List<Objective> objectives;
    CombinationPlan plan;
    Optimizer stepRule;
    StepPlan stepPlan;
    StepRuleState stepRuleState;
    TrainingConfig config;
    final List<StepHook> hooks = new ArrayList<>();
    final List<TrainingListener> listeners = new ArrayList<>();
    NDManager manager;
    CheckpointStore checkpoints;

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

    public Builder optStepRuleState(StepRuleState state) {
      this.stepRuleState = state;
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

    public Builder setManager(NDManager manager) {
      this.manager = manager;
      return this;
    }

    public MultiObjectiveTrainer build() {
      return new MultiObjectiveTrainer(this);
    }
  }
}
