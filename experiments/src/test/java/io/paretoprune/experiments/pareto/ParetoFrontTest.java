package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class ParetoFrontTest {
  private static ParetoPoint p(double c2, double f1, double f2) {
    return ParetoPoint.of(Weighting.ofC2(c2), f1, f2);
  }

  @Test
  void dominanceNeedsOneStrictImprovement() {
    assertTrue(ParetoFront.dominates(p(0, 1, 2), p(0, 1, 3))); // tie in f1, better f2
    assertTrue(ParetoFront.dominates(p(0, 1, 2), p(0, 2, 3)));
    assertFalse(ParetoFront.dominates(p(0, 1, 2), p(0, 1, 2))); // identical
    assertFalse(ParetoFront.dominates(p(0, 1, 3), p(0, 2, 2))); // trade-off
    assertFalse(ParetoFront.dominates(p(0, 1, 2), p(0, Double.NaN, 3)));
  }

  @Test
  void nonDominatedKeepsFirstOfIdenticalPointsAndSortsByF2() {
    ParetoPoint a = p(0.1, 3, 1);
    ParetoPoint b = p(0.2, 1, 3);
    ParetoPoint copyOfB = p(0.3, 1, 3);
    ParetoPoint dominated = p(0.4, 3, 3);
    ParetoPoint sameF2Worse = p(0.5, 4, 1);
    ParetoPoint diverged = p(0.6, Double.NaN, 0);
    ParetoPoint c = p(0.7, 2, 2);
    List<ParetoPoint> front =
        ParetoFront.nonDominated(List.of(a, b, copyOfB, dominated, sameF2Worse, diverged, c));
    assertEquals(List.of(a, c, b), front);
    assertSame(b, front.get(2));
  }

  @Test
  void weightingsAreValidatedAndKeyedByC2() {
    assertThrows(IllegalArgumentException.class, () -> new Weighting(0.5, 0.6));
    assertThrows(IllegalArgumentException.class, () -> Weighting.ofC2(-0.1));
    assertThrows(IllegalArgumentException.class, () -> Weighting.ofC2(Double.NaN));
    assertTrue(Weighting.ofC2(1e-5).sameAs(new Weighting(1 - 1e-5, 1e-5 + 1e-14)));
    assertFalse(Weighting.ofC2(1e-5).sameAs(Weighting.ofC2(1.1e-5)));
    assertEquals(Weighting.ofC2(0.05), Weighting.midpoint(Weighting.ofC2(0), Weighting.ofC2(0.1)));
  }
}
