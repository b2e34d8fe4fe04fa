package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.plugin.ConfigException;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

class SearchesTest {
  /** Hull vertices (extreme supported points) of the finite test set, in f2 order. */
  private static final double[][] VERTICES = {
    {2.3, 0}, {1.2, 200}, {0.6, 600}, {0.3, 1500}, {0.15, 3000}, {0.08, 6000}, {0.05, 12000}
  };

  /** The vertices plus a non-supported non-dominated point and a dominated one (ids 7, 8). */
  private static double[][] finiteSet() {
    double[][] all = new double[VERTICES.length + 2][];
    System.arraycopy(VERTICES, 0, all, 0, VERTICES.length);
    all[VERTICES.length] = new double[] {0.5, 1300}; // above the hull between 0.6 and 0.3
    all[VERTICES.length + 1] = new double[] {1.5, 700}; // dominated by (0.6, 600)
    return all;
  }

  private static List<Object> ids(List<ParetoPoint> points) {
    return points.stream().map(p -> p.payload().get("id")).toList();
  }

  private static List<Double> c2s(List<Weighting> ws) {
    return ws.stream().map(Weighting::c2).toList();
  }

  @Test
  void sweepTrainsThePapersListOnceEach() {
    Fronts.Counting e = new Fronts.Counting(Fronts.convexCurve(1000));
    SearchResult r = WeightedSumSweep.paper().run(e);
    assertEquals(26, r.evaluations());
    assertEquals(WeightedSumSweep.PAPER_C2, c2s(e.calls));
    assertEquals(26, r.front().size()); // strictly convex: every weighting is on the front
    Fronts.assertNonDominated(r.front());
    assertEquals("all 26 weightings evaluated", r.stopReason());
    assertTrue(r.kneePaper().isPresent() && r.kneeChord().isPresent());

    Fronts.Counting twice = new Fronts.Counting(Fronts.convexCurve(1000));
    SearchResult dup =
        WeightedSumSweep.builder()
            .optC2Values(List.of(0.1, 0.1, 0.2, 0.1 + 1e-15))
            .build()
            .run(twice);
    assertEquals(2, twice.calls.size());
    assertEquals(2, dup.evaluations());

    SearchResult capped =
        WeightedSumSweep.builder().optMaxEvaluations(10).build().run(Fronts.convexCurve(1000));
    assertEquals(10, capped.evaluations());
    assertEquals("evaluation budget reached (10)", capped.stopReason());
  }

  @Test
  void bisectionInsertsMidpointsLevelByLevelUpToTheBudget() {
    Fronts.Counting e = new Fronts.Counting(Fronts.convexCurve(1000));
    SearchResult r = BisectionSearch.builder().build().run(e);
    assertEquals(20, r.evaluations());
    assertEquals(20, e.calls.size());
    assertEquals("evaluation budget reached (20)", r.stopReason());
    // Start (1, 0), (0.9, 0.1); level 1 their midpoint; level 2 in f2 order: (0.1, 0.05), (0.05,
    // 0).
    double[] expected = {0.0, 0.1, 0.05, 0.075, 0.025};
    for (int i = 0; i < expected.length; i++) {
      assertEquals(expected[i], e.calls.get(i).c2(), 1e-15);
    }
    assertEquals(20, new HashSet<>(e.calls.stream().map(Weighting::key).toList()).size());
    assertEquals(20, r.front().size());
    Fronts.assertNonDominated(r.front());
  }

  @Test
  void dichotomicFindsExactlyTheSupportedPointsOfAFiniteFront() {
    Fronts.Counting e = new Fronts.Counting(Fronts.finiteSet(finiteSet()));
    ReferencePoint ref = new ReferencePoint(2.5, 13000);
    SearchResult r = DichotomicSearch.builder().optReferencePoint(ref).build().run(e);
    assertEquals(List.of(0, 1, 2, 3, 4, 5, 6), ids(r.front()));
    // 2 start trainings, one per vertex found between them (5), one per hull edge confirmed (6).
    assertEquals(13, r.evaluations());
    assertEquals(13, e.calls.size());
    assertEquals("no new weighting", r.stopReason());
    assertEquals(Hypervolume.of(r.front(), ref), r.hypervolume(), 0);
    assertEquals(ref, r.referencePoint());
    Fronts.assertNonDominated(r.front());
  }

  @Test
  void dichotomicNormalIsTheSegmentsNormalOnTheSimplex() {
    ParetoPoint a = ParetoPoint.of(Weighting.ofC2(0.1), 2.0, 0);
    ParetoPoint b = ParetoPoint.of(Weighting.ofC2(0), 1.0, 3);
    Weighting w = DichotomicSearch.normal(a, b).orElseThrow();
    // (dy, -dx) = (3, 1), normalised: (0.75, 0.25); both points score 1.5 under it.
    assertEquals(0.75, w.c1(), 1e-12);
    assertEquals(0.25, w.c2(), 1e-12);
    assertTrue(DichotomicSearch.normal(a, a).isEmpty());
    assertTrue(DichotomicSearch.normal(a, ParetoPoint.of(Weighting.ofC2(0), 3.0, 3)).isEmpty());
  }

  @Test
  void dichotomicOnAContinuousFrontRunsToTheBudgetOrTheLevelLimit() {
    SearchResult r = DichotomicSearch.builder().build().run(Fronts.convexCurve(1000));
    assertEquals(20, r.evaluations());
    Fronts.assertNonDominated(r.front());
    SearchResult oneLevel =
        DichotomicSearch.builder().optMaxLevels(1).build().run(Fronts.convexCurve(1000));
    assertEquals(3, oneLevel.evaluations());
    assertEquals("level limit reached (1)", oneLevel.stopReason());
  }

  @Test
  void stochasticDichotomicKeepsExploringAndRepeatsBySeed() {
    Supplier<Fronts.Counting> evaluator = () -> new Fronts.Counting(Fronts.finiteSet(finiteSet()));
    Fronts.Counting first = evaluator.get();
    SearchResult r = StochasticDichotomicSearch.builder().optSeed(7).build().run(first);
    assertEquals(20, r.evaluations()); // the plain dichotomic search stops at 13
    assertEquals("evaluation budget reached (20)", r.stopReason());
    Set<Object> vertexIds = Set.of(0, 1, 2, 3, 4, 5, 6);
    assertTrue(vertexIds.containsAll(ids(r.front())), ids(r.front()).toString());
    Fronts.assertNonDominated(r.front());

    Fronts.Counting again = evaluator.get();
    StochasticDichotomicSearch.builder().optSeed(7).build().run(again);
    assertEquals(first.calls, again.calls);
    Fronts.Counting other = evaluator.get();
    StochasticDichotomicSearch.builder().optSeed(8).build().run(other);
    assertNotEquals(first.calls, other.calls);
  }

  @Test
  void divergedTrainingsStayOffTheFront() {
    Evaluator curve = Fronts.convexCurve(1000);
    Evaluator diverging =
        w -> w.c2() >= 0.05 ? ParetoPoint.of(w, Double.NaN, Double.NaN) : curve.evaluate(w);
    SearchResult r = WeightedSumSweep.paper().run(diverging);
    assertEquals(26, r.evaluations());
    assertEquals(22, r.front().size()); // 26 minus the four c2 >= 0.05 (0.05, 0.07, 0.09, 0.1)
    assertTrue(r.front().stream().allMatch(ParetoPoint::isFinite));
  }

  @Test
  void aSinglePointFrontStopsTheLevelSearch() {
    Evaluator constant = w -> ParetoPoint.of(w, 1, 1);
    SearchResult r = BisectionSearch.builder().build().run(constant);
    assertEquals(2, r.evaluations());
    assertEquals("front has fewer than 2 points", r.stopReason());
  }

  @Test
  void anEvaluatorMustAnswerForTheWeightingAsked() {
    Evaluator wrong = w -> ParetoPoint.of(Weighting.ofC2(0.5), 1, 1);
    IllegalStateException e =
        assertThrows(IllegalStateException.class, () -> WeightedSumSweep.paper().run(wrong));
    assertTrue(e.getMessage().startsWith("evaluator returned a point for"), e.getMessage());
  }

  @Test
  void badSettingsNameTheirKey() {
    assertEquals(
        "maxEvaluations", key(() -> BisectionSearch.builder().optMaxEvaluations(1).build()));
    assertEquals("start", key(() -> DichotomicSearch.builder().optStartC2(List.of(0.1)).build()));
    assertEquals(
        "start", key(() -> DichotomicSearch.builder().optStartC2(List.of(0.1, 0.1)).build()));
    assertEquals(
        "start[1]", key(() -> BisectionSearch.builder().optStartC2(List.of(0.0, 1.5)).build()));
    assertEquals(
        "maxLevels", key(() -> StochasticDichotomicSearch.builder().optMaxLevels(0).build()));
    assertEquals("c2Values", key(() -> WeightedSumSweep.builder().optC2Values(List.of()).build()));
    assertEquals(
        "maxEvaluations", key(() -> WeightedSumSweep.builder().optMaxEvaluations(0).build()));
  }

  private static String key(Runnable build) {
    return assertThrows(ConfigException.class, build::run).key();
  }
}
