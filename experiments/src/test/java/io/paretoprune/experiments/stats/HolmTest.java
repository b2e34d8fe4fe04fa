package io.paretoprune.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class HolmTest {

  @Test
  void wikipediaExampleRejectsH4AndH1() {
    // Wikipedia, "Holm-Bonferroni method", example: p = 0.01, 0.04, 0.03, 0.005 at alpha 0.05;
    // H4 (0.005 * 4) and H1 (0.01 * 3) are rejected, then 0.03 * 2 = 0.06 stops the procedure.
    double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005});
    assertArrayEquals(new double[] {0.03, 0.06, 0.06, 0.02}, adjusted, 1e-12);
  }

  @Test
  void adjustedValuesAreMonotoneAndCapped() {
    // Sorted 0.01, 0.02, 0.03, 0.04, 0.05 times 5, 4, 3, 2, 1 = 0.05, 0.08, 0.09, 0.08, 0.05;
    // the running maximum makes the tail 0.09.
    assertArrayEquals(
        new double[] {0.05, 0.08, 0.09, 0.09, 0.09},
        Holm.adjust(new double[] {0.01, 0.02, 0.03, 0.04, 0.05}),
        1e-12);
    assertArrayEquals(
        new double[] {0.6, 0.04, 0.12, 0.6},
        Holm.adjust(new double[] {0.5, 0.01, 0.04, 0.3}),
        1e-12);
    assertArrayEquals(new double[] {1, 1}, Holm.adjust(new double[] {0.6, 0.7}), 0);
  }

  @Test
  void testsThatDidNotRunAreSkipped() {
    double[] adjusted = Holm.adjust(new double[] {0.01, Double.NaN, 0.04});
    assertArrayEquals(new double[] {0.02, Double.NaN, 0.04}, adjusted, 1e-12);
    assertTrue(Holm.adjust(new double[0]).length == 0);
  }

  @Test
  void rejectsValuesOutsideTheUnitInterval() {
    assertThrows(IllegalArgumentException.class, () -> Holm.adjust(new double[] {0.1, 1.2}));
  }
}
