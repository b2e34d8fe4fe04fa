package io.paretoprune.core.train.engine;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.checkpoint.TrainerSnapshot;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The training loop, once for a lone run and for a pack of R runs (a lone run is a pack of one).
 *
 * <p>Per step: every run's batch is gathered by its own order; for each objective with a data loss
 * the {@link RunsForward} gives every run's outputs, loss and gradient ({@code [R, P]}); the
 * analytic penalty gradients are added as parts; per run and parameter group the combiner picks
 * {@code c} from the run's own Gram matrix (computed for all runs at once) or losses; {@code d =
 * sum_i c_i g_i}; each run's step rule applies its row of {@code d} (or, per objective, its rows of
 * the {@code g_i}); then its hooks run (pruning). Nothing couples the runs: a run whose gradients
 * or objectives turn NaN or Inf ends as diverged and the others go on.
 *
 * <p>Native memory: every array a step creates lives in an {@link NDScope} closed at the step's
 * end, except what the step rules keep (their state is created outside the scope).
 */
final class StepEngine {
  private final List<RunState> runs;
  private final RunsForward forward;
  private final NDManager manager;
  private final TrainingConfig config;
  private final ProblemLayout shape;
  private final long width;
  private final List<TaskMetric> metrics;

  /** Every run's flat weights, run r's in row r of {@code [R, P]}. */
  private final NDArray weights;

  /**
   * @param runs the runs, adopted onto their rows of {@code weights}, with equal loop settings
   * @param weights {@code R x P} values, run r's flat parameters in row r
   */
  StepEngine(List<RunState> runs, RunsForward forward, NDArray weights, NDManager manager) {
    this.runs = List.copyOf(runs);
    this.forward = forward;
    this.manager = manager;
    this.config = runs.get(0).config;
    this.shape = runs.get(0).layout;
    this.width = shape.size();
    this.weights = weights;
    this.metrics = runs.get(0).spec.metrics();
  }

  /**
   * Trains every run for the configured epochs, evaluating {@code test} and every split of {@code
   * extraTests} after each epoch; one result per run, in order.
   */
  List<TrainingResult> fit(
      TensorDataset train, TensorDataset test, Map<String, TensorDataset> extraTests) {
    int stepsPerEpoch = config.stepsPerEpoch(train.size());
    if (stepsPerEpoch == 0) {
      throw new IllegalArgumentException(
          "training split of "
              + train.size()
              + " examples is smaller than one batch of "
              + config.batchSize());
    }
    long totalSteps = (long) stepsPerEpoch * config.epochs();
    Optional<TrainerSnapshot> resumed = resume(train, stepsPerEpoch, totalSteps);
    int first = resumed.map(TrainerSnapshot::epoch).orElse(0) + 1;
    long step = resumed.map(TrainerSnapshot::step).orElse(0L);
    int n = runs.size();
    int batch = config.batchSize();
    for (int epoch = first; epoch <= config.epochs() && anyActive(); epoch++) {
      // The engine's generator (dropout) restarts from the seed and the epoch, so an epoch run
      // after a resume draws what it would have drawn without the interruption. (No engine
      // randomness reaches a packed forward pass: ModelPacker.)
      Engine.getInstance().setRandomSeed(Seeds.engineSeed(runs.get(0).config.seed(), epoch));
      for (RunState r : runs) {
        r.startEpoch(train);
      }
      long start = System.nanoTime();
      try (EpochTotals totals = new EpochTotals(manager, shape, metrics, n)) {
        long[] rows = new long[n * batch];
        for (int s = 0; s < stepsPerEpoch && anyActive(); s++) {
          step++;
          for (int r = 0; r < n; r++) {
            System.arraycopy(runs.get(r).order, s * batch, rows, r * batch, batch);
          }
          step(train, rows, totals, step, epoch);
          for (RunState r : runs) {
            if (r.active()) {
              r.afterStep(step, epoch, stepsPerEpoch, totalSteps);
            }
          }
        }
        totals.finish(runs);
      }
      double seconds = (System.nanoTime() - start) / 1e9;
      for (RunState r : runs) {
        if (r.active()) {
          r.finishEpoch(epoch, step, stepsPerEpoch, seconds, test, extraTests, manager);
        }
      }
    }
    List<TrainingResult> out = new ArrayList<>();
    for (RunState r : runs) {
      out.add(r.result());
    }
    return out;
  }

  private boolean anyActive() {
    for (RunState r : runs) {
      if (r.active()) {
        return true;
      }
    }
    return false;
  }

  /** Resumes every run from its checkpoint; returns the first run's (all are at one epoch). */
  private Optional<TrainerSnapshot> resume(
      TensorDataset train, int stepsPerEpoch, long totalSteps) {
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
      runs.get(r).resume(snaps.get(r), train, stepsPerEpoch, totalSteps);
    }
    return snaps.get(0);
  }

  private void step(TensorDataset train, long[] rows, EpochTotals totals, long step, int epoch) {
    int n = runs.size();
    int batch = config.batchSize();
    int k = shape.objectiveCount();
    int groups = shape.groups.size();
    NDArray direction = null;
    NDArray[][] perObjective = null;
    double[][][] c = new double[groups][n][];
    List<List<StepRecord>> records = new ArrayList<>();
    for (int r = 0; r < n; r++) {
      records.add(new ArrayList<>(groups));
    }
    boolean anyPerObjective = false;
    boolean anyCombined = false;
    for (RunState r : runs) {
      anyPerObjective |= r.active() && r.perObjective != null;
      anyCombined |= r.active() && r.perObjective == null;
    }
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      NDArray index = manager.create(rows);
      NDArray x = forward.batch(train.gather(index, rows), n, batch);
      NDArray y = train.labels().get(index);
      if (forward.stacked()) {
        y = y.reshape(n, batch);
      }
      RunGradient[] g = new RunGradient[k];
      NDArray[] dataLoss = new NDArray[k];
      for (int a = 0; a < shape.autograd.length; a++) {
        int i = shape.autograd[a];
        forward.zeroGradients();
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray outputs = forward.forward(x);
          NDArray loss = forward.loss(shape.objectives.get(i).loss().orElseThrow(), outputs, y);
          collector.backward(forward.stacked() ? loss.sum() : loss);
          totals.addLoss(i, loss);
          dataLoss[i] = loss;
          if (a == 0) {
            totals.addMetrics(outputs, y, forward.stacked());
          }
        }
        g[i] = new RunGradient(forward.gradient());
      }
      for (int i = 0; i < k; i++) {
        if (g[i] == null) {
          g[i] = new RunGradient(null);
        }
      }
      NDArray rowsView = weights.reshape(n, width);
      for (ProblemLayout.PenaltyRuns pr : shape.penalties) {
        RunGradient gi = g[pr.objective()];
        for (ProblemLayout.Range range : pr.runs()) {
          NDIndex cols = RunGradient.columns(range.from(), range.to());
          NDArray pg = pr.penalty().gradient(rowsView.get(cols));
          if (gi.full != null) {
            gi.full.get(cols).addi(pg);
          } else {
            gi.parts.add(new GradientPart(range.from(), range.to(), pg));
          }
        }
      }
      HostLosses host = new HostLosses(dataLoss, n);
      List<NDArray> parts = new ArrayList<>(groups);
      perObjective = anyPerObjective ? new NDArray[groups][] : null;
      for (int gi = 0; gi < groups; gi++) {
        if (shape.groupRanges[gi] == null) {
          continue;
        }
        RunGradient[] groupRows = GroupDirection.rows(shape, gi, g);
        Grams grams = new Grams(groupRows, n);
        int[] objs = shape.groups.get(gi).objectives();
        for (int r = 0; r < n; r++) {
          RunState run = runs.get(r);
          c[gi][r] = new double[objs.length];
          if (!run.active()) {
            continue;
          }
          int rr = r;
          try {
            c[gi][r] =
                GroupDirection.weights(
                    run.layout,
                    gi,
                    () -> grams.of(rr),
                    () -> run.losses(host.of(rr)),
                    step,
                    epoch,
                    records.get(r));
          } catch (NonFiniteGradientException e) {
            run.diverge(epoch, e.getMessage() + " at step " + step);
            c[gi][r] = new double[objs.length];
          }
        }
        long length = shape.groupRanges[gi].length();
        if (anyCombined) {
          parts.add(GroupDirection.direction(groupRows, c[gi], length, manager));
        }
        if (anyPerObjective) {
          perObjective[gi] = new NDArray[groupRows.length];
          for (int j = 0; j < groupRows.length; j++) {
            perObjective[gi][j] =
                groupRows[j].dense(() -> manager.zeros(new Shape(n, length), DataType.FLOAT32));
            NDScope.unregister(perObjective[gi][j]);
          }
        }
      }
      if (anyCombined) {
        // Groups are contiguous and in layout order, so their directions concatenate.
        direction = parts.size() == 1 ? parts.get(0) : NDArrays.concat(new NDList(parts), 1);
        NDScope.unregister(direction);
      }
    }
    // The step rules run outside the scope: the state they create on first use must live on.
    try {
      for (int r = 0; r < n; r++) {
        RunState run = runs.get(r);
        if (!run.active()) {
          continue;
        }
        if (run.perObjective == null) {
          try (NDArray d = n == 1 ? direction.reshape(-1) : direction.get(r)) {
            run.stepRule.update(MultiObjectiveTrainer.FLAT_ID, run.flat.array(), d);
          }
        } else {
          for (int gi = 0; gi < groups; gi++) {
            if (perObjective[gi] == null) {
              continue;
            }
            NDArray[] own = new NDArray[perObjective[gi].length];
            for (int j = 0; j < own.length; j++) {
              own[j] = n == 1 ? perObjective[gi][j].reshape(-1) : perObjective[gi][j].get(r);
            }
            run.perObjective.apply(gi, own, c[gi][r]);
          }
        }
        run.record(records.get(r));
      }
    } finally {
      if (direction != null) {
        direction.close();
      }
      if (perObjective != null) {
        for (NDArray[] group : perObjective) {
          if (group != null) {
            for (NDArray a : group) {
              a.close();
            }
          }
        }
      }
    }
  }

  /** Every run's Gram matrix of one group's gradients, computed on first use (one host copy). */
  private static final class Grams {
    private final RunGradient[] g;
    private final int runs;
    private double[][][] values;

    Grams(RunGradient[] g, int runs) {
      this.g = g;
      this.runs = runs;
    }

    double[][] of(int r) {
      if (values == null) {
        values = RunGradient.grams(g, runs);
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
}
