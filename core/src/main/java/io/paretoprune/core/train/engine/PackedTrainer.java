package io.paretoprune.core.train.engine;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.train.Packing;
import io.paretoprune.core.train.TrainerSpec;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.ModelPacker;
import java.util.ArrayList;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Trains R runs of one architecture, data set and batch size as one packed network: {@link
 * StepEngine}'s loop with a forward pass that computes all runs at once ({@link PackForward}: one
 * forward and one backward pass per objective, convolutions grouped by run and dense layers as
 * batched products, {@link ModelPacker}), so R runs share the native calls of one step.
 *
 * <p>Nothing couples the runs. All runs' weights live in one array {@code W} of {@code R x P}
 * values, run r's in row r: exactly the flat parameter array it would have alone ({@link
 * FlatParameters#adoptInto}), and its own network's layers are views of that row. Each run keeps
 * its seed and batch order, its combiner (fed its own Gram matrix), its step rule instances with
 * their state and learning-rate schedule (run on its row, so the same update a lone run makes), its
 * hooks (pruning masks), checkpoints, listeners and evaluation.
 *
 * <p>A packed run's numbers equal the same run trained alone up to float rounding: grouped
 * convolutions and batched products sum in another order than the lone kernels, so the weights
 * differ in the last bits after one step, and training, like any chaotic iteration, lets those
 * differences grow (as between two thread counts of one run).
 */
public final class PackedTrainer {
  private final List<RunState> runs = new ArrayList<>();
  private final StepEngine engine;

  private PackedTrainer(Builder b) {
    if (b.runs.isEmpty()) {
      throw new IllegalArgumentException("a pack needs at least one run");
    }
    NDManager manager = Objects.requireNonNull(b.manager, "manager");
    ParameterStore store = new ParameterStore(manager, false);
    List<TrainerSpec> specs = b.runs.stream().map(MultiObjectiveTrainer.Builder::spec).toList();
    TrainerSpec first = specs.get(0);
    for (TrainerSpec s : specs) {
      Packing.obstacle(Optional.of(b.packer), s.objectives(), s.plan())
          .ifPresent(
              why -> {
                throw new IllegalArgumentException("runs cannot be packed: " + why);
              });
      requireSame("batch size", first.config().batchSize(), s.config().batchSize());
      requireSame("epochs", first.config().epochs(), s.config().epochs());
      requireSame("evaluation batch", first.config().evalBatchSize(), s.config().evalBatchSize());
      requireSame(
          "steps per epoch limit",
          first.config().maxStepsPerEpoch(),
          s.config().maxStepsPerEpoch());
      runs.add(new RunState(s));
    }
    ProblemLayout shape = runs.get(0).layout;
    long width = shape.size();
    int n = runs.size();
    for (RunState r : runs) {
      if (r.layout.size() != width || r.layout.params.size() != shape.params.size()) {
        throw new IllegalArgumentException("runs of a pack must have the same network");
      }
    }
    NDArray weights = manager.zeros(new Shape(n * width), DataType.FLOAT32);
    for (int r = 0; r < n; r++) {
      RunState run = runs.get(r);
      run.inPack = true;
      NDArray row = weights.get(FlatParameters.slice(r * width, (r + 1) * width));
      run.adopt(FlatParameters.adoptInto(run.layout.params, row, manager), manager, store);
    }
    // The packed leaves are views of W's columns: [R, p] per parameter, reshaped to the
    // parameter's shape with a leading run axis. Made outside gradient mode, as FlatParameters'.
    Map<Parameter, NDArray> byParameter = new IdentityHashMap<>();
    List<NDArray> leaves = new ArrayList<>();
    try (NDArray rows = weights.reshape(n, width)) {
      for (int i = 0; i < shape.params.size(); i++) {
        ParameterRef p = shape.params.get(i);
        long from = shape.offsets[i];
        Shape ps = p.parameter().getArray().getShape();
        long[] dims = new long[ps.dimension() + 1];
        dims[0] = n;
        System.arraycopy(ps.getShape(), 0, dims, 1, ps.dimension());
        NDArray leaf;
        try (NDArray cols = rows.get(RunGradient.columns(from, from + p.size()))) {
          leaf = cols.reshape(new Shape(dims));
        }
        leaf.setRequiresGradient(true);
        leaves.add(leaf);
        byParameter.put(p.parameter(), leaf);
      }
    }
    ModelPacker.PackedForward packed = b.packer.pack(first.block(), byParameter::get, n);
    this.engine = new StepEngine(runs, new PackForward(packed, leaves, n), weights, manager);
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
    return fit(train, test, Map.of());
  }

  /** As {@link #fit(TensorDataset, TensorDataset)}, evaluating {@code extraTests} as well. */
  public List<TrainingResult> fit(
      TensorDataset train, TensorDataset test, Map<String, TensorDataset> extraTests) {
    return engine.fit(train, test, extraTests);
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
      this.packer = Objects.requireNonNull(packer, "packer");
      return this;
    }

    public Builder setManager(NDManager manager) {
      this.manager = manager;
      return this;
    }

    public PackedTrainer build() {
      Objects.requireNonNull(packer, "packer");
      return new PackedTrainer(this);
    }
  }
}
