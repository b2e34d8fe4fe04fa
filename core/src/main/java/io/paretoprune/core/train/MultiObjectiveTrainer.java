package io.paretoprune.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.objective.Penalty;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
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
  private final Optimizer stepRule;
  private final StepRuleState stepRuleState;
  private final TrainingConfig config;
  private final List<StepHook> hooks;
  private final List<TrainingListener> listeners;
  private final NDManager manager;
  private final ParameterStore store;

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
    this.stepRule = Objects.requireNonNull(b.stepRule, "step rule");
    this.stepRuleState = b.stepRuleState != null ? b.stepRuleState : StepRuleStates.of(stepRule);
    this.config = Objects.requireNonNull(b.config, "config");
    this.hooks = List.copyOf(b.hooks);
    this.listeners = List.copyOf(b.listeners);
    this.manager = Objects.requireNonNull(b.manager, "manager");
    this.store = new ParameterStore(manager, false);
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
    NDArray[] zeros = flatZeros();
    List<EpochMetrics> history = new ArrayList<>();
    long step = 0;
    HookContext initial = context(0, 0, stepsPerEpoch, totalSteps);
    for (StepHook h : hooks) {
      h.beforeTraining(initial);
    }
    for (int epoch = 1; epoch <= config.epochs(); epoch++) {
      EpochAccumulator acc = new EpochAccumulator(manager, layout);
      long start = System.nanoTime();
      try (NDArray order = manager.create(Seeds.permutation((int) train.size(), shuffle));
          NDArray xs = train.features().get(order);
          NDArray ys = train.labels().get(order)) {
        for (int s = 0; s < stepsPerEpoch; s++) {
          step++;
          long from = (long) s * config.batchSize();
          NDIndex range = new NDIndex().addSliceDim(from, from + config.batchSize());
          try {
            step(xs.get(range), ys.get(range), zeros, acc, step, epoch);
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
      for (TrainingListener l : listeners) {
        l.onEpoch(m.metrics());
      }
    }
    for (NDArray z : zeros) {
      if (z != null) {
        z.close();
      }
    }
    return new TrainingResult(TrainingResult.Status.COMPLETED, history, 0, "");
  }

  private HookContext context(long step, int epoch, int stepsPerEpoch, long totalSteps) {
    return new HookContext(catalog, step, epoch, stepsPerEpoch, totalSteps, stepRuleState);
  }

  private void step(
      NDArray x, NDArray y, NDArray[] zeros, EpochAccumulator acc, long step, int epoch) {
    List<ParameterRef> params = layout.params;
    int k = layout.objectiveCount();
    NDArray[] directions = new NDArray[params.size()];
    List<StepRecord> records = new ArrayList<>(layout.groups.size());
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDScope.register(x);
      NDScope.register(y);
      NDArray[][] g = new NDArray[k][];
      for (int a = 0; a < layout.autograd.length; a++) {
        int i = layout.autograd[a];
        for (ParameterRef p : params) {
          Gradients.zero(p.array());
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = block.forward(store, new NDList(x), true).singletonOrThrow();
          NDArray loss = layout.objectives.get(i).loss().orElseThrow().evaluate(logits, y);
          collector.backward(loss);
          acc.addLoss(i, loss);
          if (a == 0) {
            acc.addCorrect(logits, y);
          }
        }
        g[i] = new NDArray[params.size()];
        boolean last = a == layout.autograd.length - 1;
        for (int p = 0; p < params.size(); p++) {
          NDArray grad = params.get(p).array().getGradient();
          g[i][p] = last ? grad : grad.duplicate();
        }
      }
      addPenaltyGradients(g);
      for (int gi = 0; gi < layout.groups.size(); gi++) {
        records.add(combineGroup(gi, g, zeros, directions, step, epoch));
      }
      for (NDArray d : directions) {
        NDScope.unregister(d);
      }
    }
    // The step rule runs outside the scope: the state it creates on its first call must live on.
    for (int p = 0; p < params.size(); p++) {
      ParameterRef ref = params.get(p);
      stepRule.update(ref.id(), ref.array(), directions[p]);
      directions[p].close();
    }
    for (StepRecord r : records) {
      acc.addWeights(r);
      for (TrainingListener l : listeners) {
        l.onStep(r);
      }
    }
  }

  private void addPenaltyGradients(NDArray[][] g) {
    List<ParameterRef> params = layout.params;
    for (int i = 0; i < g.length; i++) {
      for (int p = 0; p < params.size(); p++) {
        for (Penalty pen : layout.penalties[i][p]) {
          if (g[i] == null) {
            g[i] = new NDArray[params.size()];
          }
          NDArray pg = pen.gradient(params.get(p).array());
          g[i][p] = g[i][p] == null ? pg : g[i][p].addi(pg);
        }
      }
    }
  }

  private StepRecord combineGroup(
      int gi, NDArray[][] g, NDArray[] zeros, NDArray[] directions, long step, int epoch) {
    GroupRule rule = layout.groups.get(gi);
    int[] objs = rule.objectives();
    int[] members = layout.members[gi];
    double[][] gram = null;
    if (rule.combiner().needsGram()) {
      NDArray[][] sub = new NDArray[objs.length][members.length];
      NDArray[] z = new NDArray[members.length];
      for (int m = 0; m < members.length; m++) {
        z[m] = zeros[members[m]];
        for (int j = 0; j < objs.length; j++) {
          sub[j][m] = g[objs[j]] == null ? null : g[objs[j]][members[m]];
        }
      }
      gram = GramMatrix.compute(sub, z);
      if (!GramMatrix.isFinite(gram)) {
        throw new NonFiniteGradientException(
            "gradient of group '" + rule.name() + "' holds NaN or Inf");
      }
    }
    double[] c = rule.combiner().weights(gram);
    if (c.length != objs.length) {
      throw new IllegalStateException(
          "rule of group '"
              + rule.name()
              + "' returned "
              + c.length
              + " weights for "
              + objs.length
              + " objectives");
    }
    for (int m : members) {
      directions[m] = direction(g, objs, c, m, zeros[m]);
    }
    double norm = gram == null ? Double.NaN : GramMatrix.directionNorm(gram, c);
    return new StepRecord(step, epoch, rule.name(), c, norm);
  }

  /** {@code sum_j c_j g_j} on one parameter, skipping zero weights and absent gradients. */
  private NDArray direction(NDArray[][] g, int[] objs, double[] c, int p, NDArray zeroFlat) {
    NDArray d = null;
    for (int j = 0; j < objs.length; j++) {
      NDArray gj = g[objs[j]] == null ? null : g[objs[j]][p];
      if (gj == null || c[j] == 0) {
        continue;
      }
      if (d == null) {
        d = c[j] == 1 ? gj : gj.mul((float) c[j]);
      } else {
        d = d.add(gj.mul((float) c[j]));
      }
    }
    if (d == null) {
      d = zeroFlat.reshape(layout.params.get(p).array().getShape());
    }
    return d;
  }

  private NDArray[] flatZeros() {
    NDArray[] z = new NDArray[layout.params.size()];
    for (int p = 0; p < z.length; p++) {
      z[p] = manager.zeros(new Shape(layout.params.get(p).size()), DataType.FLOAT32);
    }
    return z;
  }

  /** Builder; {@code setX} is required, {@code optX} has a default. */
  public static final class Builder {
    private Block block;
    private ParameterCatalog catalog;
    private List<Objective> objectives;
    private CombinationPlan plan;
    private Optimizer stepRule;
    private StepRuleState stepRuleState;
    private TrainingConfig config;
    private final List<StepHook> hooks = new ArrayList<>();
    private final List<TrainingListener> listeners = new ArrayList<>();
    private NDManager manager;

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

    public Builder setStepRule(Optimizer stepRule) {
      this.stepRule = stepRule;
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

    public Builder setManager(NDManager manager) {
      this.manager = manager;
      return this;
    }

    public MultiObjectiveTrainer build() {
      return new MultiObjectiveTrainer(this);
    }
  }
}
