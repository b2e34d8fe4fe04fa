package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class KneeSelectionTest {
  private static ParetoPoint p(double c2, double f1, double f2) {
    return ParetoPoint.of(Weighting.ofC2(c2), f1, f2);
  }

  @Test
  void paperRulePicksTheSparseSideOfTheLargestRatioJump() {
    ParetoPoint sparse = p(0.1, 1.0, 0); // c1/c2 = 9
    ParetoPoint mid = p(0.01, 0.3, 0.2); // 99
    ParetoPoint dense = p(0.001, 0.1, 0.8); // 999
    ParetoPoint unweighted = p(0, 0, 1.0); // infinite ratio: left out
    Knee k = KneeSelection.paperRule(List.of(dense, unweighted, sparse, mid)).orElseThrow();
    assertSame(mid, k.point()); // jumps 90 (9 -> 99) and 900 (99 -> 999)
    assertEquals(1, k.index());
    assertEquals(90, k.scores().get(0), 1e-9);
    assertEquals(900, k.scores().get(1), 1e-9);
    assertTrue(k.scores().get(2).isNaN() && k.scores().get(3).isNaN());
    assertEquals(KneeSelection.PAPER, k.rule());
  }

  @Test
  void paperRuleNeedsTwoWeightedPoints() {
    assertTrue(KneeSelection.paperRule(List.of(p(0.1, 1, 0), p(0, 0, 1))).isEmpty());
  }

  @Test
  void chordRulePicksTheFarthestPointFromTheExtremesLine() {
    ParetoPoint a = p(0.1, 1.0, 0);
    ParetoPoint b = p(0.01, 0.3, 0.2);
    ParetoPoint c = p(0.001, 0.1, 0.8);
    ParetoPoint d = p(0, 0, 1.0);
    Knee k = KneeSelection.chordDistance(List.of(a, b, c, d)).orElseThrow();
    assertSame(b, k.point());
    // Already normalised: distance (1 - x - y) / sqrt(2).
    assertEquals(0.5 / Math.sqrt(2), k.score(), 1e-12);
    assertEquals(0.1 / Math.sqrt(2), k.scores().get(2), 1e-12);
    assertEquals(0, k.scores().get(0), 1e-12);
    // Scaling an objective does not move the knee (min-max normalisation).
    List<ParetoPoint> scaled =
        List.of(p(0.1, 1.0, 0), p(0.01, 0.3, 2000), p(0.001, 0.1, 8000), p(0, 0, 10000));
    assertEquals(1, KneeSelection.chordDistance(scaled).orElseThrow().index());
  }

  @Test
  void chordRuleIsEmptyForTwoPointsOrABulgingFront() {
    assertTrue(KneeSelection.chordDistance(List.of(p(0.1, 1, 0), p(0, 0, 1))).isEmpty());
    // The middle point lies beyond the chord, away from the ideal point.
    assertTrue(
        KneeSelection.chordDistance(List.of(p(0.1, 1, 0), p(0.05, 0.8, 0.8), p(0, 0, 1)))
            .isEmpty());
  }
}
