package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.train.result.StepRecord;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** {@code bench weight-law}: the least-squares law, and the command on a small suite. */
class WeightLawBenchTest {
  @TempDir Path tmp;

  private static StepRecord step(long t, double[] c, double[] norms) {
    return new StepRecord(t, 1, "all", c, 1.0, Map.of("gnorm", norms));
  }

  @Test
  void theFitRecoversAKnownPowerLaw() {
    // c2 / c1 = 3 ||g1||^2 / ||g2||^2 (min-norm's law for orthogonal gradients), on the simplex.
    Random r = new Random(5);
    List<StepRecord> steps = new ArrayList<>();
    for (int t = 1; t <= 200; t++) {
      double g1 = 0.05 + r.nextDouble();
      double g2 = 10 + 300 * r.nextDouble();
      double ratio = 3 * g1 * g1 / (g2 * g2);
      steps.add(
          step(t, new double[] {1 / (1 + ratio), ratio / (1 + ratio)}, new double[] {g1, g2}));
    }
    // Steps a log cannot take are left out of the fit, not fitted as zeros.
    steps.add(step(201, new double[] {1, 0}, new double[] {0.5, 20}));
    steps.add(step(202, new double[] {0.5, 0.5}, new double[] {0.5, 0}));
    WeightLawBench.WeightLaw law = WeightLawBench.WeightLaw.fit(steps);
    assertEquals(200, law.stepsFitted());
    assertEquals(202, law.stepsTotal());
    assertEquals(2.0, law.exponents()[0][0], 1e-9);
    assertEquals(-2.0, law.exponents()[0][1], 1e-9);
    assertEquals(1.0, law.rSquared()[0], 1e-12);
    assertTrue(law.describe().contains("c2/c1 ~ ||g1||^2.00 ||g2||^-2.00 (R^2 1.000)"));
  }

  @Test
  void aNormThatHardlyVariesIsNotFitted() {
    // ||g2|| within 232..242 (little pruned yet): its exponent is indistinguishable from the
    // intercept, so only ||g1||'s is fitted.
    Random r = new Random(7);
    List<StepRecord> steps = new ArrayList<>();
    for (int t = 1; t <= 100; t++) {
      double g1 = 0.2 + 5 * r.nextDouble();
      double g2 = 232 + 10 * r.nextDouble();
      double ratio = g1 * g1 / (g2 * g2);
      steps.add(
          step(t, new double[] {1 / (1 + ratio), ratio / (1 + ratio)}, new double[] {g1, g2}));
    }
    WeightLawBench.WeightLaw law = WeightLawBench.WeightLaw.fit(steps);
    assertEquals(Double.NaN, law.exponents()[0][1]);
    assertEquals(2.0, law.exponents()[0][0], 0.01);
    assertTrue(
        law.describe().contains("c2/c1 ~ ||g1||^2.00 ||g2||^? (too narrow)"), law.describe());
  }

  @Test
  void aConstantRatioHasNoExponentsButItsRatio() {
    Random r = new Random(6);
    List<StepRecord> steps = new ArrayList<>();
    for (int t = 1; t <= 50; t++) {
      steps.add(
          step(
              t,
              new double[] {0.5, 0.5},
              new double[] {0.1 + r.nextDouble(), 10 + 100 * r.nextDouble()}));
    }
    WeightLawBench.WeightLaw law = WeightLawBench.WeightLaw.fit(steps);
    // log(c2/c1) = 0 at every step: the exponents are 0 and nothing is left to explain.
    assertEquals(0.0, law.exponents()[0][0], 1e-9);
    assertEquals(0.0, law.exponents()[0][1], 1e-9);
    assertEquals(1.0, law.lastTenthRatio()[0], 0);
    assertTrue(law.describe().endsWith("c2/c1 ~ constant, median over the last tenth 1.00"));
  }

  private Path data() throws Exception {
    Path data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(400, 10, 28, 1),
        SyntheticData.squares(64, 10, 28, 2));
    return data;
  }

  private Path suite() throws Exception {
    return suite("");
  }

  private Path suite(String extra) throws Exception {
    return Files.writeString(
        tmp.resolve("law.yaml"),
        """
        name: law
        dataset: {name: mnist}
        model: {name: lenet5}
        objectives:
          - {name: f1, loss: cross_entropy}
          - {name: f2, l1: {on: dense.kernel}}
        shared_settings: {lr: 0.01}
        optimizers:
          - {label: MinNorm, combiner: min-norm, step: sgd}
          - {label: MinNorm-l2, combiner: min-norm, step: sgd, settings: {normalize: l2}}
        seeds: [3, 4]
        epochs: 30
        batch_size: 32
        threads_per_run: 1
        """
            + extra);
  }

  @ParameterizedTest
  @ValueSource(strings = {"", "runner: {pack: 1}\n"})
  void fitsEveryOptimizerOfASuiteFromTheCommandLine(String runner) throws Exception {
    // Packed (the default) and one run after another in the same JVM.
    Path csv = tmp.resolve("steps.csv");
    CliRun.Outcome o =
        CliRun.run(
            "bench",
            "weight-law",
            suite(runner).toString(),
            "--data",
            data().toString(),
            "--steps",
            "12",
            "--seed",
            "4",
            "--csv",
            csv.toString());
    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("law, seed 4, 1 epoch(s) of at most 12 steps"), o.out());
    // min-norm may put all weight on f1 at a step (c2 = 0): such a step has no log to fit.
    assertTrue(o.out().matches("(?s).*\\n  MinNorm +all +\\d+/12 steps fitted; .*"), o.out());
    assertTrue(o.out().contains("\n  MinNorm-l2         all    12/12 steps fitted; "), o.out());
    List<String> rows = Files.readAllLines(csv);
    assertEquals("run_id,label,group,step,epoch,objective,weight,gradient_norm", rows.get(0));
    // 2 runs x 12 steps x 2 objectives, seed 4 only, weights on the simplex.
    assertEquals(1 + 2 * 12 * 2, rows.size());
    for (int i = 1; i < rows.size(); i += 2) {
      String[] a = rows.get(i).split(",");
      String[] b = rows.get(i + 1).split(",");
      assertEquals(a[0], b[0]);
      assertTrue(a[0].endsWith("-s4"), a[0]);
      assertEquals(1.0, Double.parseDouble(a[6]) + Double.parseDouble(b[6]), 1e-9);
      assertTrue(Double.parseDouble(b[7]) > 1, "||g2|| = sqrt(dense nonzeros): " + rows.get(i));
    }
  }

  @Test
  void aDivergingRunIsReportedNotFatal() throws Exception {
    Path suite =
        Files.writeString(
            tmp.resolve("diverging.yaml"),
            """
            name: diverging
            dataset: {name: mnist}
            model: {name: lenet5}
            objectives:
              - {name: f1, loss: cross_entropy}
              - {name: f2, l1: {on: dense.kernel}}
            optimizers:
              - {label: Calm, combiner: min-norm, step: sgd, settings: {lr: 0.01}}
              - {label: Wild, combiner: min-norm, step: sgd, settings: {lr: 1.0e+9}}
            seeds: [1]
            epochs: 1
            batch_size: 32
            threads_per_run: 1
            """);
    CliRun.Outcome o =
        CliRun.run(
            "bench", "weight-law", suite.toString(), "--data", data().toString(), "--steps", "6");
    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("(COMPLETED)"), o.out());
    assertTrue(o.out().matches("(?s).*\\n  Wild .*end: diverged in epoch 1 .*"), o.out());
  }

  @Test
  void aSeedOutsideTheSuiteIsOneLine() throws Exception {
    CliRun.Outcome o =
        CliRun.run(
            "bench", "weight-law", suite().toString(), "--data", data().toString(), "--seed", "9");
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(
        "paretoprune: bench weight-law: seed 9 is not among the suite's seeds [3, 4]",
        o.err().strip());
    assertFalse(o.err().contains("Exception"));
  }

  @Test
  void badOptionsAndAMissingSuiteAreOneLineEach() throws Exception {
    Path suite = suite();
    CliRun.Outcome epochs = CliRun.run("bench", "weight-law", suite.toString(), "--epochs", "0");
    assertEquals(2, epochs.code());
    assertEquals(
        "paretoprune: bench weight-law: --epochs must be at least 1, not 0", epochs.err().strip());
    CliRun.Outcome missing = CliRun.run("bench", "weight-law", tmp.resolve("nope.yaml").toString());
    assertEquals(2, missing.code());
    assertEquals(
        "paretoprune: " + tmp.resolve("nope.yaml") + ": suite file not found",
        missing.err().strip());
  }
}
