package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ParetoSearchTest {
  static ParetoPoint p(double c2, double f1, double f2) {
    return new ParetoPoint(1 - c2, c2, f1, f2, Map.of());
  }

  /**
   * A convex front f1 = 1 / f2 scaled like the real problem (f2 in the thousands): the weighted sum
   * (1 - c2) f1 + c2 f2 is minimised at f2 = sqrt((1 - c2) / c2).
   */
  static ParetoPoint convex(double c1, double c2) {
    double f2 = c2 == 0 ? 5000 : Math.min(5000, Math.sqrt(c1 / c2));
    return new ParetoPoint(c1, c2, 1 / f2, f2, Map.of("calls", 1.0));
  }

  @Test
  void nonDominatedFilterKeepsTheFrontSortedByF2() {
    List<ParetoPoint> pts =
        List.of(
            p(0, 0.1, 900),
            p(0.1, 0.5, 10),
            p(0.01, 0.2, 100),
            p(0.02, 0.6, 200),
            p(0.03, 0.2, 100));
    List<ParetoPoint> front = Fronts.nonDominated(pts);
    assertEquals(List.of(10.0, 100.0, 900.0), front.stream().map(ParetoPoint::f2).toList());
  }

  @Test
  void hypervolumeOfHandComputedFronts() {
    List<ParetoPoint> front = List.of(p(0.1, 0.3, 300), p(0.05, 0.12, 900), p(0, 0.05, 9000));
    double expected = 9700 * 0.7 + 9100 * (0.3 - 0.12) + 1000 * (0.12 - 0.05);
    assertEquals(expected, Fronts.hypervolume(front, new double[] {1, 10000}), 1e-9);
    assertEquals(0, Fronts.hypervolume(List.of(p(0, 2, 20000)), new double[] {1, 10000}));
  }

  @Test
  void kneesByChordAndByThePapersRatioRule() {
    List<ParetoPoint> front =
        List.of(p(0.5, 1.0, 0), p(0.01, 0.1, 10), p(0.001, 0.05, 100), p(0.0001, 0, 1000));
    assertEquals(10, Fronts.chordKnee(front).f2()); // the elbow of the normalised front
    // ratios c1/c2: 1, 99, 999, 9999 -> largest log jump is 1 -> 99; the less penalised point wins
    assertEquals(0.01, Fronts.paperKnee(front).c2(), 1e-12);
  }

  @Test
  void sweepTrainsThePapersListOnceEach() throws Exception {
    List<double[]> calls = new ArrayList<>();
    SearchResult r =
        new ParetoSearch(
                (c1, c2) -> {
                  calls.add(new double[] {c1, c2});
                  return convex(c1, c2);
                },
                100)
            .run("sweep", 1);
    assertEquals(26, calls.size());
    assertEquals(26, r.evaluated().size());
    assertTrue(r.hypervolume() > 0);
    for (ParetoPoint a : r.front()) {
      for (ParetoPoint b : r.front()) {
        assertFalse(a.dominates(b));
      }
    }
  }

  @Test
  void bisectionRespectsItsBudget() throws Exception {
    int[] calls = {0};
    SearchResult r =
        new ParetoSearch(
                (c1, c2) -> {
                  calls[0]++;
                  return convex(c1, c2);
                },
                20)
            .run("bisection", 1);
    assertEquals(20, calls[0]);
    assertEquals(0.0, r.evaluated().get(0).c2());
    assertEquals(0.1, r.evaluated().get(1).c2(), 1e-12);
    assertNotNull(r.kneeChord());
  }

  @Test
  void dichotomicFindsSupportedPointsAndStochasticIsReproducible() throws Exception {
    SearchResult d = new ParetoSearch(ParetoSearchTest::convex, 12).run("dichotomic", 1);
    assertTrue(d.evaluated().size() > 2 && d.evaluated().size() <= 12);
    for (ParetoPoint q : d.evaluated()) {
      assertTrue(d.front().contains(q), "on a convex front every weighting's optimum is supported");
    }
    SearchResult a = new ParetoSearch(ParetoSearchTest::convex, 10).run("stochastic-dichotomic", 7);
    SearchResult b = new ParetoSearch(ParetoSearchTest::convex, 10).run("stochastic-dichotomic", 7);
    assertEquals(a.evaluated(), b.evaluated());
    assertEquals(10, a.evaluated().size());
  }

  @Test
  void roundsChooseExactlyTheWeightingsOfTheOneByOneSearchInTheSameOrder() throws Exception {
    for (String search : List.of("sweep", "bisection", "dichotomic", "stochastic-dichotomic")) {
      SearchResult one = new ParetoSearch(ParetoSearchTest::convex, 15).run(search, 3);
      List<Integer> sizes = new ArrayList<>();
      List<Integer> numbers = new ArrayList<>();
      RoundEvaluator rounds =
          (round, weightings) -> {
            numbers.add(round);
            sizes.add(weightings.size());
            return weightings.stream().map(w -> convex(w[0], w[1])).toList();
          };
      SearchResult batched = ParetoSearch.inRounds(rounds, 15).run(search, 3);
      assertEquals(one.evaluated(), batched.evaluated(), search);
      assertEquals(15, sizes.stream().mapToInt(Integer::intValue).sum(), search);
      for (int i = 0; i < numbers.size(); i++) {
        assertEquals(i + 1, numbers.get(i), search);
      }
      if (search.equals("sweep")) {
        assertEquals(List.of(15), sizes);
      } else if (search.equals("bisection")) {
        // The extremes, then 1, 2, 4 midpoints on this convex front, the last level cut to budget.
        assertEquals(List.of(2, 1, 2, 4, 6), sizes);
      } else {
        assertEquals(2, sizes.get(0), search);
        assertTrue(sizes.size() > 2, search + " " + sizes);
      }
    }
  }
}
