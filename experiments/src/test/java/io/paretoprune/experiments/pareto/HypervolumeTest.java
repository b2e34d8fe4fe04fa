package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.util.List;
import org.junit.jupiter.api.Test;

class HypervolumeTest {
  private static ParetoPoint p(double f1, double f2) {
    return ParetoPoint.of(Weighting.ofC2(0), f1, f2);
  }

  @Test
  void staircaseArea() {
    // Strips from reference (4, 4): (3,1) owns f2 in [1,2] width 1; (2,2) owns [2,3] width 2;
    // (1,3) owns [3,4] width 3: 1 + 2 + 3 = 6.
    ReferencePoint ref = new ReferencePoint(4, 4);
    assertEquals(6, Hypervolume.of(List.of(p(1, 3), p(2, 2), p(3, 1)), ref), 1e-12);
    // A dominated point adds nothing; points not dominating the reference are ignored.
    assertEquals(
        6,
        Hypervolume.of(
            List.of(p(1, 3), p(2, 2), p(3, 1), p(2.5, 2.5), p(5, 0.5), p(0.5, 4), p(Double.NaN, 1)),
            ref),
        1e-12);
  }

  @Test
  void singlePointAndEmptySet() {
    assertEquals(2, Hypervolume.of(List.of(p(1, 1)), new ReferencePoint(3, 2)), 1e-12);
    assertEquals(0, Hypervolume.of(List.of(), new ReferencePoint(3, 2)), 0);
    // A point on the reference's boundary encloses no area.
    assertEquals(0, Hypervolume.of(List.of(p(3, 1)), new ReferencePoint(3, 2)), 0);
  }

  @Test
  void derivedReferenceAddsTenPercentOfTheRange() {
    ReferencePoint r = ReferencePoint.nadirWithMargin(List.of(p(1, 10), p(3, 30)), 0.1);
    assertEquals(3.2, r.f1(), 1e-12);
    assertEquals(32, r.f2(), 1e-12);
    ReferencePoint single = ReferencePoint.nadirWithMargin(List.of(p(0.5, 200)), 0.1);
    assertEquals(0.6, single.f1(), 1e-12); // range 0: margin of max(|0.5|, 1) = 1
    assertEquals(220, single.f2(), 1e-12);
    assertNull(ReferencePoint.nadirWithMargin(List.of(p(Double.NaN, 1)), 0.1));
    assertThrows(IllegalArgumentException.class, () -> new ReferencePoint(1, Double.NaN));
  }
}
