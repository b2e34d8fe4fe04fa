package io.paretoprune.cli;

import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.core.train.result.StepRecord;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.experiments.run.RunDirectory;
import io.paretoprune.experiments.run.RunExecutor;
import io.paretoprune.experiments.run.RunPacking;
import io.paretoprune.experiments.suite.RunPlanner;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteLoader;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.Callable;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/**
 * {@code bench weight-law SUITE}: how each optimizer of a suite sets its weights from the
 * gradients. Trains one seed of every entry (cut to {@code --epochs}, packed as {@code run} packs),
 * records every step's weights {@code c_i} and gradient norms {@code ||g_i||}, and fits by least
 * squares {@code log(c_i / c_1) = a + sum_j b_j log ||g_j||}: the exponents {@code b_j} are the
 * rule's weight law (SMGD's min-norm: about {@code +2} on {@code ||g_1||} and {@code -2} on {@code
 * ||g_2||} when the gradients are near orthogonal; l2-normalised min-norm: 0 and 0). For the
 * paper's f2 (L1 of the dense kernels), {@code ||g_2||^2} is the number of nonzero dense weights.
 */
@Command(
    name = "weight-law",
    mixinStandardHelpOptions = true,
    description =
        "Fit each optimizer's weight law log(c_i/c_1) = a + sum_j b_j log||g_j|| over the steps"
            + " of one seed of a suite, cut to --epochs.")
final class WeightLawBench implements Callable<Integer> {
  @Parameters(index = "0", description = "suite YAML file, e.g. suites/combiners-mnist.yaml")
  Path suiteFile;

  @Option(names = "--epochs", defaultValue = "1", description = "epochs per run (default 1)")
  int epochs;

  @Option(
      names = "--steps",
      defaultValue = "0",
      description = "at most this many steps per epoch (default 0: the whole epoch)")
  int steps;

  @Option(names = "--seed", description = "seed to train (default: the suite's first)")
  Long seed;

  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Option(names = "--csv", description = "write every step's weights and gradient norms here")
  Path csv;

  @Override
  public Integer call() throws Exception {
    if (epochs < 1) {
      throw new UserInputException("bench weight-law: --epochs must be at least 1, not " + epochs);
    }
    if (steps < 0) {
      throw new UserInputException("bench weight-law: --steps must be 0 or more, not " + steps);
    }
    SuiteSpec suite = SuiteLoader.load(suiteFile);
    Path dataRoot = Paths.data(data);
    Paths.checkData(suite, dataRoot);
    long s = seed != null ? seed : suite.seeds().get(0);
    List<RunSpec> specs = new ArrayList<>();
    for (RunSpec r : RunPlanner.plan(suite)) {
      if (r.seed() == s) {
        specs.add(cut(r));
      }
    }
    if (specs.isEmpty()) {
      throw new UserInputException(
          "bench weight-law: seed " + s + " is not among the suite's seeds " + suite.seeds());
    }
    Map<String, List<StepRecord>> records = new LinkedHashMap<>();
    specs.forEach(r -> records.put(r.runId(), new ArrayList<>()));
    Path scratch = Files.createTempDirectory("weight-law");
    Map<String, TrainingResult> results = new LinkedHashMap<>();
    try {
      RunExecutor executor = new RunExecutor(dataRoot, scratch, "none");
      // Packed as `run` would pack them (runs that cannot share a network train alone), one pack
      // after another: the engine allows one gradient collector per JVM at a time.
      for (List<RunSpec> pack : RunPacking.plan(specs, suite, 1, scratch)) {
        List<TrainingResult> done =
            executor.execute(
                pack,
                r ->
                    new TrainingListener() {
                      @Override
                      public void onStep(StepRecord record) {
                        records.get(r.runId()).add(record);
                      }
                    });
        for (int i = 0; i < pack.size(); i++) {
          results.put(pack.get(i).runId(), done.get(i));
        }
      }
    } finally {
      RunDirectory.deleteTree(scratch);
    }
    System.out.printf(
        Locale.ROOT,
        "%s, seed %d, %d epoch(s)%s: log(c_i/c_1) = a + sum_j b_j log||g_j|| over the steps%n",
        suite.name(),
        s,
        epochs,
        steps > 0 ? " of at most " + steps + " steps" : "");
    for (int i = 0; i < specs.size(); i++) {
      RunSpec r = specs.get(i);
      TrainingResult res = results.get(r.runId());
      String end =
          res.last() == null
              ? "end: diverged in epoch " + res.divergedAtEpoch() + " (" + res.message() + ")"
              : String.format(
                  Locale.ROOT,
                  "end: test accuracy %.4f, dense nonzeros %d (%s)",
                  res.last().testAccuracy(),
                  res.last().denseNonzeros(),
                  res.status());
      Map<String, List<StepRecord>> groups = byGroup(records.get(r.runId()));
      if (groups.isEmpty()) {
        System.out.printf(Locale.ROOT, "  %-18s no step recorded; %s%n", r.label(), end);
      }
      for (Map.Entry<String, List<StepRecord>> g : groups.entrySet()) {
        System.out.printf(
            Locale.ROOT,
            "  %-18s %-6s %s; %s%n",
            r.label(),
            g.getKey(),
            WeightLaw.fit(g.getValue()).describe(),
            end);
      }
    }
    if (csv != null) {
      writeCsv(specs, records);
      System.out.println("steps: " + csv);
    }
    return 0;
  }

  private RunSpec cut(RunSpec r) {
    return new RunSpec(
        r.suite(),
        r.runId(),
        r.label(),
        r.dataset(),
        r.model(),
        r.objectives(),
        r.optimizer(),
        r.pruning(),
        r.seed(),
        epochs,
        r.batchSize(),
        r.evalBatchSize(),
        steps > 0 ? steps : r.maxStepsPerEpoch(),
        r.threads());
  }

  private static Map<String, List<StepRecord>> byGroup(List<StepRecord> steps) {
    Map<String, List<StepRecord>> m = new LinkedHashMap<>();
    for (StepRecord r : steps) {
      m.computeIfAbsent(r.group(), g -> new ArrayList<>()).add(r);
    }
    return m;
  }

  /** One row per run, step and objective; Tablesaw quotes a label that holds a comma. */
  private void writeCsv(List<RunSpec> specs, Map<String, List<StepRecord>> records)
      throws IOException {
    StringColumn runId = StringColumn.create("run_id");
    StringColumn label = StringColumn.create("label");
    StringColumn group = StringColumn.create("group");
    LongColumn step = LongColumn.create("step");
    IntColumn epoch = IntColumn.create("epoch");
    IntColumn objective = IntColumn.create("objective");
    DoubleColumn weight = DoubleColumn.create("weight");
    DoubleColumn norm = DoubleColumn.create("gradient_norm");
    for (RunSpec r : specs) {
      for (StepRecord s : records.get(r.runId())) {
        double[] norms = s.recorded().get("gnorm");
        for (int j = 0; j < s.weights().length; j++) {
          runId.append(r.runId());
          label.append(r.label());
          group.append(s.group());
          step.append(s.step());
          epoch.append(s.epoch());
          objective.append(j + 1);
          weight.append(s.weights()[j]);
          if (norms == null) {
            norm.appendMissing();
          } else {
            norm.append(norms[j]);
          }
        }
      }
    }
    Table t = Table.create("steps", runId, label, group, step, epoch, objective, weight, norm);
    AtomicFiles.write(csv, out -> t.write().csv(out));
  }

  /**
   * The least-squares law of one group's weights: per objective i &gt;= 2, the exponents of {@code
   * c_i / c_1} on every {@code ||g_j||}, fitted over the steps where both weights are positive and
   * every gradient is nonzero (a log needs them).
   */
  record WeightLaw(
      int stepsFitted,
      int stepsTotal,
      double[][] exponents,
      double[] rSquared,
      double[] lastTenthRatio,
      double[] normMin,
      double[] normMax) {

    /** Below this spread of {@code log(c_i / c_1)} over the steps, the ratio counts as fixed. */
    static final double CONSTANT = 1e-6;

    /** A norm whose largest value over the steps is below this multiple of its least is fixed. */
    static final double NARROW = 1.5;

    static WeightLaw fit(List<StepRecord> steps) {
      int k = steps.get(0).weights().length;
      List<double[]> logNorms = new ArrayList<>();
      List<double[]> logRatios = new ArrayList<>();
      double[] min = new double[k];
      double[] max = new double[k];
      Arrays.fill(min, Double.POSITIVE_INFINITY);
      Arrays.fill(max, Double.NEGATIVE_INFINITY);
      for (StepRecord s : steps) {
        double[] n = s.recorded().get("gnorm");
        double[] c = s.weights();
        if (n == null || !positive(n) || !positive(c)) {
          continue;
        }
        double[] x = new double[k];
        double[] y = new double[k - 1];
        for (int j = 0; j < k; j++) {
          x[j] = Math.log(n[j]);
          min[j] = Math.min(min[j], n[j]);
          max[j] = Math.max(max[j], n[j]);
        }
        for (int i = 1; i < k; i++) {
          y[i - 1] = Math.log(c[i] / c[0]);
        }
        logNorms.add(x);
        logRatios.add(y);
      }
      double[][] b = new double[k - 1][];
      double[] r2 = new double[k - 1];
      for (int i = 0; i < k - 1; i++) {
        b[i] = new double[k];
        Arrays.fill(b[i], Double.NaN);
        r2[i] = Double.NaN;
        if (logNorms.size() > k + 1) {
          double[] y = new double[logNorms.size()];
          for (int t = 0; t < y.length; t++) {
            y[t] = logRatios.get(t)[i];
          }
          double spread =
              Arrays.stream(y).max().getAsDouble() - Arrays.stream(y).min().getAsDouble();
          if (spread < CONSTANT) {
            // A constant ratio (l2-normalised min-norm on near-orthogonal gradients): the law is
            // flat, and R^2 of a flat line is not defined.
            Arrays.fill(b[i], 0);
            continue;
          }
          // A norm that hardly varies over the steps (||g2|| while little is pruned) cannot be
          // told apart from the intercept: its exponent stays unfitted (NaN) instead of noise.
          int[] fitted =
              java.util.stream.IntStream.range(0, k)
                  .filter(j -> max[j] >= NARROW * min[j])
                  .toArray();
          if (fitted.length == 0) {
            continue;
          }
          double[][] x = new double[y.length][fitted.length];
          for (int t = 0; t < y.length; t++) {
            for (int f = 0; f < fitted.length; f++) {
              x[t][f] = logNorms.get(t)[fitted[f]];
            }
          }
          OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
          try {
            ols.newSampleData(y, x);
            double[] beta = ols.estimateRegressionParameters();
            for (int f = 0; f < fitted.length; f++) {
              b[i][fitted[f]] = beta[f + 1];
            }
            r2[i] = ols.calculateRSquared();
          } catch (RuntimeException singular) {
            // Norms that never vary: no exponents to fit; the ratio below still says what the
            // rule chose.
          }
        }
      }
      double[] tail = new double[k - 1];
      int from = steps.size() - Math.max(1, steps.size() / 10);
      for (int i = 1; i < k; i++) {
        List<Double> ratios = new ArrayList<>();
        for (StepRecord s : steps.subList(from, steps.size())) {
          ratios.add(s.weights()[i] / s.weights()[0]);
        }
        tail[i - 1] = StepBench.median(ratios);
      }
      return new WeightLaw(logNorms.size(), steps.size(), b, r2, tail, min, max);
    }

    private static boolean positive(double[] v) {
      for (double x : v) {
        if (!(x > 0) || !Double.isFinite(x)) {
          return false;
        }
      }
      return true;
    }

    String describe() {
      StringBuilder sb = new StringBuilder();
      sb.append(String.format(Locale.ROOT, "%d/%d steps fitted", stepsFitted, stepsTotal));
      for (int j = 0; j < normMin.length && stepsFitted > 0; j++) {
        sb.append(
            String.format(Locale.ROOT, "; ||g%d|| %.3g..%.3g", j + 1, normMin[j], normMax[j]));
      }
      for (int i = 0; i < exponents.length; i++) {
        sb.append(String.format(Locale.ROOT, "; c%d/c1 ~", i + 2));
        if (Double.isNaN(rSquared[i]) && Arrays.stream(exponents[i]).allMatch(e -> e == 0)) {
          sb.append(" constant");
        } else {
          for (int j = 0; j < exponents[i].length; j++) {
            sb.append(
                Double.isNaN(exponents[i][j])
                    ? String.format(Locale.ROOT, " ||g%d||^? (too narrow)", j + 1)
                    : String.format(Locale.ROOT, " ||g%d||^%.2f", j + 1, exponents[i][j]));
          }
          sb.append(String.format(Locale.ROOT, " (R^2 %.3f)", rSquared[i]));
        }
        sb.append(
            String.format(Locale.ROOT, ", median over the last tenth %.3g", lastTenthRatio[i]));
      }
      return sb.toString();
    }
  }
}
