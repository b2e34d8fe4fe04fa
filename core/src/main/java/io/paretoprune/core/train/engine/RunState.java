package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainerSpec;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.checkpoint.CheckpointStore;
import io.paretoprune.core.train.checkpoint.SnapshotCodec;
import io.paretoprune.core.train.checkpoint.StepRuleStates;
import io.paretoprune.core.train.checkpoint.TrainerSnapshot;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.HookContext;
import io.paretoprune.core.train.seam.StepHook;
import io.paretoprune.core.train.seam.StepRuleState;
import io.paretoprune.core.train.seam.TrainingListener;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SplittableRandom;

/**
 * Everything one run holds besides its step: its parameters as a flat array, step rules and their
 * state, hooks, batch order, checkpoints, evaluation and history. {@link StepEngine} trains one per
 * run, each on its row of the step's weights, a lone run and a pack alike.
 */
final class RunState {
  final TrainerSpec spec;
  final TrainingConfig config;
  final ParameterCatalog catalog;
  final ProblemLayout layout;
  final List<StepHook> hooks;
  final List<TrainingListener> listeners;
  final CheckpointStore checkpoints;
  final SplittableRandom shuffle;
  final List<EpochMetrics> history = new ArrayList<>();
  FlatParameters flat;

  /** The step rule on the combined direction; null when the rule is applied per objective. */
  Optimizer stepRule;

  /** The per-objective step rules; null when the rule is applied to the combined direction. */
  PerObjectiveStep perObjective;

  StepRuleState stepRuleState;
  Evaluator evaluator;
  SnapshotCodec codec;
  EpochAccumulator acc;
  long[] order;
  TrainingResult ended;

  /** Set by a packed trainer: the run's weights are a row of the pack's. */
  boolean inPack;

  RunState(TrainerSpec spec) {
    this.spec = spec;
    this.config = spec.config();
    this.catalog = spec.catalog();
    this.layout = new ProblemLayout(spec.objectives(), catalog, spec.plan());
    if (layout.autograd.length == 0) {
      throw new IllegalArgumentException("no objective has a data loss; nothing to learn from");
    }
    this.hooks = spec.hooks();
    this.listeners = spec.listeners();
    this.checkpoints = spec.checkpoints();
    this.shuffle = new SplittableRandom(config.seed());
  }

  /**
   * Makes {@code flat} the run's parameters (its layers become views of it) and builds the step
   * rules, evaluator and checkpoint codec on it.
   */
  void adopt(FlatParameters flat, NDManager manager, ParameterStore store) {
    this.flat = flat;
    StepRuleState inner;
    StepPlan plan = spec.stepPlan();
    if (plan != null && plan.application() == StepApplication.PER_OBJECTIVE) {
      perObjective = new PerObjectiveStep(layout, plan, flat);
      inner = perObjective;
    } else {
      stepRule = spec.stepRule() != null ? spec.stepRule() : plan.combinedRule();
      inner = StepRuleStates.of(stepRule);
    }
    stepRuleState = new FlatStepRuleState(inner, flat, manager);
    evaluator =
        new Evaluator(
            spec.block(),
            store,
            layout.objectives,
            catalog,
            spec.metrics(),
            config.evalBatchSize());
    Map<String, Optimizer> rules = new LinkedHashMap<>();
    if (perObjective != null) {
      perObjective.forEachRule(rules::put);
    } else {
      rules.put("combined", stepRule);
    }
    codec = new SnapshotCodec(flat, catalog.all(), layout.params, rules, layout.groups, hooks);
  }

  boolean active() {
    return ended == null;
  }

  HookContext context(long step, int epoch, int stepsPerEpoch, long totalSteps) {
    return new HookContext(catalog, step, epoch, stepsPerEpoch, totalSteps, stepRuleState, flat);
  }

  /** The run's checkpoint, if it has one (its arrays attached to {@code manager}). */
  Optional<TrainerSnapshot> checkpoint(NDManager manager) {
    return checkpoints == null ? Optional.empty() : checkpoints.load(manager);
  }

  /**
   * Puts back a checkpoint's weights, step-rule and hook state and history, and replays the batch
   * order up to it (the order is replayed from the seed rather than stored); or, without one, lets
   * the hooks see the initial weights.
   */
  void resume(
      Optional<TrainerSnapshot> snap, TensorDataset train, int stepsPerEpoch, long totalSteps) {
    if (snap.isPresent()) {
      TrainerSnapshot s = snap.get();
      // The snapshot's state arrays now belong to the step rules and hooks: not closed here.
      List<NDList> hookStates = codec.restore(s);
      history.addAll(s.history());
      for (int e = 1; e <= s.epoch(); e++) {
        drawOrder(train);
      }
      HookContext at = context(s.step(), s.epoch(), stepsPerEpoch, totalSteps);
      for (int h = 0; h < hooks.size(); h++) {
        hooks.get(h).resume(at, hookStates.get(h));
      }
    } else {
      HookContext initial = context(0, 0, stepsPerEpoch, totalSteps);
      for (StepHook h : hooks) {
        h.beforeTraining(initial);
      }
    }
  }

  /** Draws the epoch's batch order and opens its accumulator. */
  void startEpoch(TensorDataset train) {
    order = drawOrder(train);
    if (active()) {
      acc = new EpochAccumulator(layout);
    }
  }

  private long[] drawOrder(TensorDataset train) {
    return config
        .batchOrder()
        .epoch(Math.toIntExact(train.size()), config.batchSize(), train.lengths(), shuffle);
  }

  /** Runs the step hooks (pruning) after a step. */
  void afterStep(long step, int epoch, int stepsPerEpoch, long totalSteps) {
    HookContext ctx = context(step, epoch, stepsPerEpoch, totalSteps);
    for (StepHook h : hooks) {
      h.afterStep(ctx);
    }
  }

  /** Records a step's weights in the epoch's accumulator and tells the listeners. */
  void record(List<StepRecord> records) {
    for (StepRecord r : records) {
      acc.addWeights(r);
      for (TrainingListener l : listeners) {
        l.onStep(r);
      }
    }
  }

  /**
   * Evaluates the epoch (the test split and every further one), adds it to the history, keeps a
   * checkpoint (after every epoch but the last) and tells the listeners; a NaN or Inf objective
   * ends the run as diverged instead.
   */
  void finishEpoch(
      int epoch,
      long step,
      int stepsPerEpoch,
      double seconds,
      TensorDataset test,
      Map<String, TensorDataset> extraTests,
      NDManager manager) {
    Evaluator.Evaluated m = evaluator.finish(epoch, acc, stepsPerEpoch, seconds, test, extraTests);
    acc = null;
    if (!m.finite()) {
      diverge(epoch, "objective value is NaN or Inf");
      return;
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

  /**
   * Ends the run as diverged; it is neither stepped nor evaluated again. In a pack its weights are
   * zeroed as well, so its NaN cannot reach a kernel that might mix the pack's rows.
   */
  void diverge(int epoch, String message) {
    ended = new TrainingResult(TrainingResult.Status.DIVERGED, history, epoch, message);
    acc = null;
    if (inPack) {
      flat.array().set(new NDIndex(":"), 0f);
    }
  }

  /** The run's objectives on the batch: the given data losses plus penalties at its weights. */
  double[] losses(double[] dataLoss) {
    double[] v = dataLoss.clone();
    for (ProblemLayout.PenaltyRuns pr : layout.penalties) {
      for (ProblemLayout.Range r : pr.runs()) {
        try (NDArray w = flat.array().get(FlatParameters.slice(r.from(), r.to()));
            NDArray value = pr.penalty().value(w)) {
          v[pr.objective()] += value.getFloat();
        }
      }
    }
    return v;
  }

  TrainingResult result() {
    return ended != null
        ? ended
        : new TrainingResult(TrainingResult.Status.COMPLETED, history, 0, "");
  }
}
