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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SplittableRandom;

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
  private final ParameterCatalog catalog;
  private final ProblemLayout layout;

  /** The step rule on the combined direction; null when the rule is applied per objective. */
  private final Optimizer stepRule;

  /** The per-objective step rules; null when the rule is applied to the combined direction. */
  private final PerObjectiveStep perObjective;

  private final StepRuleState stepRuleState;
  private final TrainingConfig config;
  private final List<StepHook> hooks;
  private final List<TrainingListener> listeners;
  private final NDManager manager;
  private final ParameterStore store;
  private final FlatParameters flat;
  private final CheckpointStore checkpoints;

  /** The id under which the step rule keeps its state for the flat parameter array. */
  public static final String FLAT_ID = "paretoprune.flat";

  private MultiObjectiveTrainer(Builder b) {
    this.block = Objects.requireNonNull(b.block, "block");
    this.catalog = b.catalog != null ? b.catalog : ParameterCatalog.of(block);
    this.layout =
        new ProblemLayout(
            Objects.requireNonNull(b.objectives, "objectives"),
            catalog,
            Objects.requireNonNull(b.plan, "plan"));
    if (layout.autograd.length == 0) {
      throw new IllegalArgumentException("no objective has a data loss; nothing to learn from");
    }
    if ((b.stepRule == null) == (b.stepPlan == null)) {
      throw new IllegalArgumentException(
          "give the trainer exactly one of a step rule and a step plan");
    }
    this.config = Objects.requireNonNull(b.config, "config");
    this.hooks = List.copyOf(b.hooks);
    this.listeners = List.copyOf(b.listeners);
    this.manager = Objects.requireNonNull(b.manager, "manager");
    this.store = new ParameterStore(manager, false);
    this.checkpoints = b.checkpoints;
    this.flat = FlatParameters.adopt(layout.params, manager);
    StepRuleState inner;
    if (b.stepPlan != null && b.stepPlan.application() == StepApplication.PER_OBJECTIVE) {
      this.stepRule = null;
      this.perObjective = new PerObjectiveStep(layout, b.stepPlan, flat);
      inner = perObjective;
    } else {
      this.stepRule = b.stepRule != null ? b.stepRule : b.stepPlan.combinedRule();
      this.perObjective = null;
      inner = b.stepRuleState != null ? b.stepRuleState : StepRuleStates.of(stepRule);
    }
    this.stepRuleState = new FlatStepRuleState(inner, flat, manager);
  }

  public static Builder builder() {
    return new Builder();
  }

  public ParameterCatalog parameters() {
    return catalog;
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
    Evaluator evaluator = new Evaluator(block, store, layout, catalog, config.evalBatchSize());
    SplittableRandom shuffle = new SplittableRandom(config.seed());
    List<EpochMetrics> history = new ArrayList<>();
    long step = 0;
    int first = 1;
    SnapshotCodec codec = checkpoints == null ? null : codec();
    Optional<TrainerSnapshot> resumed =
        checkpoints == null ? Optional.empty() : checkpoints.load(manager);
    if (resumed.isPresent()) {
      TrainerSnapshot snap = resumed.get();
      // The snapshot's state arrays now belong to the step rules and hooks: not closed here.
      List<NDList> hookStates = codec.restore(snap);
      history.addAll(snap.history());
      step = snap.step();
      first = snap.epoch() + 1;
      // The data order is replayed from the seed rather than stored.
      for (int e = 1; e < first; e++) {
        Seeds.permutation((int) train.size(), shuffle);
      }
      HookContext at = context(step, snap.epoch(), stepsPerEpoch, totalSteps);
      for (int h = 0; h < hooks.size(); h++) {
        hooks.get(h).resume(at, hookStates.get(h));
      }
    } else {
      HookContext initial = context(0, 0, stepsPerEpoch, totalSteps);
      for (StepHook h : hooks) {
        h.beforeTraining(initial);
      }
    }
    for (int epoch = first; epoch <= config.epochs(); epoch++) {
      // The engine's generator (dropout) restarts from the seed and the epoch, so an epoch run
      // after a resume draws what it would have drawn without the interruption.
      Engine.getInstance().setRandomSeed(Seeds.engineSeed(config.seed(), epoch));
      EpochAccumulator acc = new EpochAccumulator(manager, layout);
      long start = System.nanoTime();
      // Each batch gathers its own rows: a shuffled copy of the whole training set per epoch
      // would cost a large allocation (and its page faults) inside every epoch.
      try (NDArray order = manager.create(Seeds.permutation((int) train.size(), shuffle))) {
        for (int s = 0; s < stepsPerEpoch; s++) {
          step++;
          long from = (long) s * config.batchSize();
          NDIndex range = new NDIndex().addSliceDim(from, from + config.batchSize());
          try (NDArray rows = order.get(range)) {
            step(train.features().get(rows), train.labels().get(rows), acc, step, epoch);
          } catch (NonFiniteGradientException e) {
            acc.close();
            return new TrainingResult(
                TrainingResult.Status.DIVERGED,
                history,
                epoch,
                e.getMessage() + " at step " + step);
          }
          HookContext ctx = context(step, epoch, stepsPerEpoch, totalSteps);
          for (StepHook h : hooks) {
            h.afterStep(ctx);
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      Evaluator.Evaluated m = evaluator.finish(epoch, acc, stepsPerEpoch, seconds, test);
      acc.close();
      if (!m.finite()) {
        return new TrainingResult(
            TrainingResult.Status.DIVERGED, history, epoch, "objective value is NaN or Inf");
      }
      history.add(m.metrics());
      if (checkpoints != null && epoch < config.epochs()) {
        TrainerSnapshot snap = codec.take(epoch, step, history, manager);
        checkpoints.save(snap);
        snap.arrays().close();
      }
      for (TrainingListener l : listeners) {
        l.onEpoch(m.metrics());
      }
    }
    return new TrainingResult(TrainingResult.Status.COMPLETED, history, 0, "");
  }

  private SnapshotCodec codec() {
    Map<String, Optimizer> rules = new LinkedHashMap<>();
    if (perObjective != null) {
      perObjective.forEachRule(rules::put);
    } else {
      rules.put("combined", stepRule);
    }
    return new SnapshotCodec(flat, catalog.all(), layout.params, rules, layout.groups, hooks);
  }

  private HookContext context(long step, int epoch, int stepsPerEpoch, long totalSteps) {
    return new HookContext(catalog, step, epoch, stepsPerEpoch, totalSteps, stepRuleState, flat);
  }

  private void step(NDArray x, NDArray y, EpochAccumulator acc, long step, int epoch) {
    int k = layout.objectiveCount();
    int groups = layout.groups.size();
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
            gi.parts.add(new FlatGradient.Part(r.from(), r.to(), pg));
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
      stepRule.update(FLAT_ID, flat.array(), direction);
      direction.close();
    } else {
      for (int gi = 0; gi < groups; gi++) {
        if (perObjectiveGrads[gi] != null) {
          perObjective.apply(gi, perObjectiveGrads[gi], weights[gi]);
        }
      }
    }
    for (StepRecord r : records) {
      acc.addWeights(r);
      for (TrainingListener l : listeners) {
        l.onStep(r);
      }
    }
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
