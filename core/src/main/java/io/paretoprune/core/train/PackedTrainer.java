package io.paretoprune.core.train;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.objective.CrossEntropy;
import io.paretoprune.core.param.ParameterRef;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains R runs of one architecture, data set and batch size as one packed network: one forward and
 * one backward pass per objective for all runs, convolutions grouped by run and dense layers as
 * batched products ({@link ModelPacker}). A LeNet-5 step at batch 32 is about a hundred small
 * native calls whose fixed cost, not arithmetic, is its time; packed, R runs share those calls.
 *
 * <p>Nothing couples the runs. All runs' weights live in one array {@code W} of {@code R x P}
 * values, run r's in row r: exactly the flat parameter array it would have alone ({@link
 * FlatParameters#adoptInto}), and its own network's layers are views of that row. Each run keeps
 * its seed and batch order, its combiner (fed its own Gram matrix), its step rule instances with
 * their state and learning-rate schedule (run on its row, so the same update a lone run makes), its
 * hooks (pruning masks), checkpoints, listeners and evaluation. Only the gradients are computed for
 * all runs at once, as rows of {@code [R, P]} arrays whose reductions are per row: a run whose
 * gradients turn NaN ends as diverged and the others go on.
 *
 * <p>A packed run's numbers equal the same run trained alone up to float rounding: grouped
 * convolutions and batched products sum in another order than the lone kernels, so the weights
 * differ in the last bits after one step, and training, like any chaotic iteration, lets those
 * differences grow (as between two thread counts of one run).
 */
public final class PackedTrainer {
  private final List<RunState> runs = new ArrayList<>();
  private final NDManager manager;
  private final ParameterStore store;
  private final TrainingConfig config;
  private final ModelPacker.PackedForward forward;
  private final NDArray weights;
  private final List<NDArray> leaves = new ArrayList<>();
  private final List<Long> leafColumns = new ArrayList<>();
  private final ProblemLayout shape;
  private final long width;

  private PackedTrainer(Builder b) {
    if (b.runs.isEmpty()) {
      throw new IllegalArgumentException("a pack needs at least one run");
    }
    this.manager = Objects.requireNonNull(b.manager, "manager");
    this.store = new ParameterStore(manager, false);
    MultiObjectiveTrainer.Builder first = b.runs.get(0);
    this.config = Objects.requireNonNull(first.config, "config");
    for (MultiObjectiveTrainer.Builder r : b.runs) {
      requireSame("batch size", config.batchSize(), r.config.batchSize());
      requireSame("epochs", config.epochs(), r.config.epochs());
      requireSame("evaluation batch", config.evalBatchSize(), r.config.evalBatchSize());
      requireSame("steps per epoch limit", config.maxStepsPerEpoch(), r.config.maxStepsPerEpoch());
    }
    for (MultiObjectiveTrainer.Builder r : b.runs) {
      runs.add(new RunState(r));
    }
    this.shape = runs.get(0).layout;
    this.width = shape.size();
    int n = runs.size();
    for (RunState r : runs) {
      if (r.layout.size() != width || r.layout.params.size() != shape.params.size()) {
        throw new IllegalArgumentException("runs of a pack must have the same network");
      }
      if (r.layout.groups.size() != 1
          || r.layout.groupRanges[0] == null
          || r.layout.groupRanges[0].from() != 0
          || r.layout.groupRanges[0].to() != width) {
        throw new IllegalArgumentException(
            "a packed run combines its objectives over all parameters (one group)");
      }
      for (int i : r.layout.autograd) {
        if (!(r.layout.objectives.get(i).loss().orElseThrow() instanceof CrossEntropy)) {
          throw new IllegalArgumentException("a packed run's data loss must be cross-entropy");
        }
      }
    }
    this.weights = manager.zeros(new Shape(n * width), DataType.FLOAT32);
    for (int r = 0; r < n; r++) {
      RunState run = runs.get(r);
      run.inPack = true;
      NDArray row = weights.get(FlatParameters.slice(r * width, (r + 1) * width));
      run.adopt(FlatParameters.adoptInto(run.layout.params, row, manager), manager, store);
    }
    // The packed leaves are views of W's columns: [R, p] per parameter, reshaped to the
    // parameter's shape with a leading run axis. Made outside gradient mode, as FlatParameters'.
    Map<Parameter, NDArray> byParameter = new IdentityHashMap<>();
    try (NDArray rows = weights.reshape(n, width)) {
      for (int i = 0; i < shape.params.size(); i++) {
        ParameterRef p = shape.params.get(i);
        long from = shape.offsets[i];
        long to = from + p.size();
        Shape ps = p.parameter().getArray().getShape();
        long[] dims = new long[ps.dimension() + 1];
        dims[0] = n;
        System.arraycopy(ps.getShape(), 0, dims, 1, ps.dimension());
        NDArray leaf;
        try (NDArray cols = rows.get(PackedGradient.columns(from, to))) {
          leaf = cols.reshape(new Shape(dims));
        }
        leaf.setRequiresGradient(true);
        leaves.add(leaf);
        leafColumns.add(p.size());
        byParameter.put(p.parameter(), leaf);
      }
    }
    this.forward =
        Objects.requireNonNull(b.packer, "packer").pack(first.block, byParameter::get, n);
  }

  private static void requireSame(String what, long a, long b) {
    if (a != b) {
      throw new IllegalArgumentException("runs of a pack must share the " + what);
    }
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The number of runs packed. */
  public int size() {
    return runs.size();
  }

  /**
   * Trains every run for the configured epochs; returns one result per run, in order. A run whose
   * gradients or objectives turn NaN or Inf ends as diverged; the others go on.
   */
  public List<TrainingResult> fit(TensorDataset train, TensorDataset test) {
    int stepsPerEpoch = config.stepsPerEpoch(train.size());
    if (stepsPerEpoch == 0) {
      throw new IllegalArgumentException(
          "training split of "
              + train.size()
              + " examples is smaller than one batch of "
              + config.batchSize());
    }
    long totalSteps = (long) stepsPerEpoch * config.epochs();
    int first = resume(train, stepsPerEpoch, totalSteps);
    long step = (long) (first - 1) * stepsPerEpoch;
    int n = runs.size();
    int batch = config.batchSize();
    for (int epoch = first; epoch <= config.epochs(); epoch++) {
      // No engine randomness reaches a packed forward pass (ModelPacker); reseeded for parity.
      Engine.getInstance().setRandomSeed(Seeds.engineSeed(runs.get(0).config.seed(), epoch));
      for (RunState r : runs) {
        r.startEpoch((int) train.size(), manager);
      }
      PackedTotals totals = new PackedTotals(manager, shape, n);
      long start = System.nanoTime();
      long[] rows = new long[n * batch];
      for (int s = 0; s < stepsPerEpoch; s++) {
        step++;
        for (int r = 0; r < n; r++) {
          long[] order = runs.get(r).order;
          for (int b = 0; b < batch; b++) {
            rows[r * batch + b] = order[s * batch + b];
          }
        }
        step(train, rows, totals, step, epoch);
        for (RunState r : runs) {
          if (r.active()) {
            r.afterStep(step, epoch, stepsPerEpoch, totalSteps);
          }
        }
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      totals.finish(runs, stepsPerEpoch);
      totals.close();
      for (RunState r : runs) {
        if (r.active()) {
          r.finishEpoch(epoch, step, stepsPerEpoch, seconds, test, manager);
        }
      }
    }
    List<TrainingResult> out = new ArrayList<>();
    for (RunState r : runs) {
      out.add(r.result());
    }
    return out;
  }

  /** Resumes every run from its checkpoint; returns the first epoch to train. */
  private int resume(TensorDataset train, int stepsPerEpoch, long totalSteps) {
    List<Optional<TrainerSnapshot>> snaps = new ArrayList<>();
    for (RunState r : runs) {
      snaps.add(r.checkpoint(manager));
    }
    int epoch = snaps.get(0).map(TrainerSnapshot::epoch).orElse(0);
    for (Optional<TrainerSnapshot> s : snaps) {
      if (s.map(TrainerSnapshot::epoch).orElse(0) != epoch) {
        throw new IllegalStateException(
            "runs of a pack must resume from the same epoch: pack them by checkpoint epoch");
      }
    }
    for (int r = 0; r < runs.size(); r++) {
      runs.get(r).resume(snaps.get(r), (int) train.size(), stepsPerEpoch, totalSteps);
    }
    return epoch + 1;
  }

  private void step(TensorDataset train, long[] rows, PackedTotals totals, long step, int epoch) {
    int n = runs.size();
    int batch = config.batchSize();
    int k = shape.objectiveCount();
    NDArray direction = null;
    NDArray[] dense = null;
    double[][] c = new double[n][];
    List<List<StepRecord>> records = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      records.add(new ArrayList<>(1));
    }
    boolean perObjective = runs.stream().anyMatch(r -> r.perObjective != null);
    boolean combined = runs.stream().anyMatch(r -> r.perObjective == null);
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray index = manager.create(rows);
      NDArray x = train.features().get(index);
      Shape xs = x.getShape();
      long[] dims = new long[xs.dimension() + 1];
      dims[0] = n;
      dims[1] = batch;
      System.arraycopy(xs.getShape(), 1, dims, 2, xs.dimension() - 1);
      x = x.reshape(new Shape(dims));
      NDArray y = train.labels().get(index).reshape(n, batch);
      PackedGradient[] g = new PackedGradient[k];
      NDArray[] dataLoss = new NDArray[k];
      for (int a = 0; a < shape.autograd.length; a++) {
        int i = shape.autograd[a];
        for (NDArray leaf : leaves) {
          Gradients.zero(leaf);
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = forward.forward(x);
          // Cross-entropy per run: the mean over the run's batch, as the lone loss. The packed
          // loss is their sum, whose gradient in run r's weights is run r's own.
          NDArray perRun =
              logits
                  .logSoftmax(2)
                  .gather(y.reshape(n, batch, 1), 2)
                  .reshape(n, batch)
                  .mean(new int[] {1})
                  .neg();
          collector.backward(perRun.sum());
          totals.addLoss(i, perRun);
          dataLoss[i] = perRun;
          if (a == 0) {
            totals.addCorrect(logits, y);
          }
        }
        g[i] = new PackedGradient(gradient(n));
      }
      for (int i = 0; i < k; i++) {
        if (g[i] == null) {
          g[i] = new PackedGradient(null);
        }
      }
      NDArray rowsView = weights.reshape(n, width);
      for (ProblemLayout.PenaltyRuns pr : shape.penalties) {
        PackedGradient gi = g[pr.objective()];
        for (ProblemLayout.Range range : pr.runs()) {
          NDIndex cols = PackedGradient.columns(range.from(), range.to());
          NDArray pg = pr.penalty().gradient(rowsView.get(cols));
          if (gi.full != null) {
            gi.full.get(cols).addi(pg);
          } else {
            gi.parts.add(new GradientPart(range.from(), range.to(), pg));
          }
        }
      }
      Grams grams = new Grams(g, n);
      HostLosses host = new HostLosses(dataLoss, n);
      float[][] coefficient = new float[k][n];
      for (int r = 0; r < n; r++) {
        RunState run = runs.get(r);
        if (!run.active()) {
          continue;
        }
        int rr = r;
        try {
          c[r] =
              GroupDirection.weights(
                  run.layout,
                  0,
                  () -> grams.of(rr),
                  () -> run.losses(host.of(rr)),
                  step,
                  epoch,
                  records.get(r));
        } catch (NonFiniteGradientException e) {
          run.diverge(epoch, e.getMessage() + " at step " + step);
          continue;
        }
        if (run.perObjective == null) {
          for (int j = 0; j < k; j++) {
            coefficient[j][r] = (float) c[r][j];
          }
        }
      }
      if (combined) {
        direction = combine(g, coefficient, n);
        NDScope.unregister(direction);
      }
      if (perObjective) {
        dense = new NDArray[k];
        for (int j = 0; j < k; j++) {
          dense[j] = g[j].dense(() -> manager.zeros(new Shape(n, width), DataType.FLOAT32));
          NDScope.unregister(dense[j]);
        }
      }
    }
    // The step rules run outside the scope: the state they create on first use must live on.
    try {
      for (int r = 0; r < n; r++) {
        RunState run = runs.get(r);
        if (!run.active() || c[r] == null) {
          continue;
        }
        if (run.perObjective == null) {
          try (NDArray d = direction.get(r)) {
            run.stepRule.update(MultiObjectiveTrainer.FLAT_ID, run.flat.array(), d);
          }
        } else {
          NDArray[] own = new NDArray[k];
          for (int j = 0; j < k; j++) {
            own[j] = dense[j].get(r);
          }
          run.perObjective.apply(0, own, c[r]);
        }
        run.record(records.get(r));
      }
    } finally {
      if (direction != null) {
        direction.close();
      }
      if (dense != null) {
        for (NDArray a : dense) {
          a.close();
        }
      }
    }
  }

  /** The packed leaves' gradients as {@code [R, P]}: row r is run r's flat gradient. */
  private NDArray gradient(int n) {
    NDList parts = new NDList(leaves.size());
    try {
      for (NDArray leaf : leaves) {
        try (NDArray g = leaf.getGradient()) {
          parts.add(g.reshape(n, -1));
        }
      }
      return NDArrays.concat(parts, 1);
    } finally {
      parts.close();
    }
  }

  /** {@code d = sum_j c_j g_j} with each run's own weights broadcast over its row. */
  private NDArray combine(PackedGradient[] g, float[][] coefficient, int n) {
    NDArray d = null;
    NDArray[] cj = new NDArray[g.length];
    for (int j = 0; j < g.length; j++) {
      cj[j] = manager.create(coefficient[j], new Shape(n, 1));
      if (g[j].full != null) {
        NDArray scaled = g[j].full.mul(cj[j]);
        d = d == null ? scaled : d.addi(scaled);
      }
    }
    if (d == null) {
      d = manager.zeros(new Shape(n, width), DataType.FLOAT32);
    }
    for (int j = 0; j < g.length; j++) {
      for (GradientPart part : g[j].parts) {
        d.get(PackedGradient.columns(part.from(), part.to())).addi(part.values().mul(cj[j]));
      }
    }
    return d;
  }

  /** Every run's Gram matrix, computed on first use with one copy to the host. */
  private static final class Grams {
    private final PackedGradient[] g;
    private final int runs;
    private double[][][] values;

    Grams(PackedGradient[] g, int runs) {
      this.g = g;
      this.runs = runs;
    }

    double[][] of(int r) {
      if (values == null) {
        values = PackedGradient.grams(g, runs);
      }
      return values[r];
    }
  }

  /** Every run's data losses on the batch, copied to the host on first use. */
  private static final class HostLosses {
    private final NDArray[] dataLoss;
    private final int runs;
    private float[][] values;

    HostLosses(NDArray[] dataLoss, int runs) {
      this.dataLoss = dataLoss;
      this.runs = runs;
    }

    double[] of(int r) {
      if (values == null) {
        values = new float[dataLoss.length][];
        for (int i = 0; i < dataLoss.length; i++) {
          values[i] = dataLoss[i] == null ? new float[runs] : dataLoss[i].toFloatArray();
        }
      }
      double[] out = new double[dataLoss.length];
      for (int i = 0; i < out.length; i++) {
        out[i] = values[i][r];
      }
      return out;
    }
  }

  /**
   * Per-run running sums over one epoch, kept on the engine and split among the runs at its end.
   */
  private static final class PackedTotals implements AutoCloseable {
    private final NDArray[] lossSums;
    private final NDArray correct;
    private final int runs;
    private long seenPerRun;

    PackedTotals(NDManager manager, ProblemLayout layout, int runs) {
      this.runs = runs;
      lossSums = new NDArray[layout.objectiveCount()];
      for (int i : layout.autograd) {
        lossSums[i] = manager.zeros(new Shape(runs), DataType.FLOAT32);
      }
      correct = manager.zeros(new Shape(runs), DataType.INT64);
    }

    void addLoss(int objective, NDArray perRun) {
      lossSums[objective].addi(perRun);
    }

    void addCorrect(NDArray logits, NDArray labels) {
      correct.addi(logits.argMax(2).eq(labels).sum(new int[] {1}));
      seenPerRun += labels.getShape().get(1);
    }

    void finish(List<RunState> states, int steps) {
      long[] right = correct.toLongArray();
      for (int i = 0; i < lossSums.length; i++) {
        if (lossSums[i] == null) {
          continue;
        }
        float[] sums = lossSums[i].toFloatArray();
        for (int r = 0; r < runs; r++) {
          if (states.get(r).active()) {
            states.get(r).acc.addLossTotal(i, sums[r]);
          }
        }
      }
      for (int r = 0; r < runs; r++) {
        if (states.get(r).active()) {
          states.get(r).acc.addCorrectTotal(right[r], seenPerRun);
        }
      }
    }

    @Override
    public void close() {
      for (NDArray a : lossSums) {
        if (a != null) {
          a.close();
        }
      }
      correct.close();
    }
  }

  /** Builder: the runs, each described as for a lone trainer, and the model's packer. */
  public static final class Builder {
    private final List<MultiObjectiveTrainer.Builder> runs = new ArrayList<>();
    private ModelPacker packer;
    private NDManager manager;

    /**
     * Adds a run, described as it would be to {@link MultiObjectiveTrainer}: block (initialised),
     * objectives, plan, step plan, config, hooks, listeners, checkpoints. Its manager is not used.
     */
    public Builder addRun(MultiObjectiveTrainer.Builder run) {
      runs.add(run);
      return this;
    }

    public Builder setPacker(ModelPacker packer) {
      this.packer = packer;
      return this;
    }

    public Builder setManager(NDManager manager) {
      this.manager = manager;
      return this;
    }

    public PackedTrainer build() {
      return new PackedTrainer(this);
    }
  }

  /** For tests: a run's flat weights (a view of its row). */
  NDArray weightsOf(int r) {
    return runs.get(r).flat.array();
  }
}
