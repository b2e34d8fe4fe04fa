package io.paretoprune.experiments.stats;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.junit.jupiter.api.Test;

class DescriptivesTest {

  @Test
  void meanSdAndTInterval() {
    Descriptives d = Descriptives.of(new double[] {1, 2, 3, 4, 5}, 0.95);
    assertEquals(5, d.n());
    assertEquals(3, d.mean(), 1e-12);
    assertEquals(Math.sqrt(2.5), d.sd(), 1e-12);
    // t(4, 0.975) = 2.776445 (any t table: 2.776); half-width 2.776445 * 1.581139 / sqrt(5).
    assertEquals(3 - 1.963243, d.ciLow(), 1e-6);
    assertEquals(3 + 1.963243, d.ciHigh(), 1e-6);
    assertEquals("", d.note());
  }

  @Test
  void degenerateSamplesCarryNotes() {
    Descriptives none = Descriptives.of(new double[0], 0.95);
    assertEquals(0, none.n());
    assertTrue(Double.isNaN(none.mean()));
    Descriptives one = Descriptives.of(new double[] {0.98}, 0.95);
    assertEquals(0.98, one.mean(), 0);
    assertTrue(Double.isNaN(one.sd()) && Double.isNaN(one.ciLow()));
    assertTrue(one.note().startsWith("n = 1"), one.note());
    Descriptives flat = Descriptives.of(new double[] {0.1, 0.1, 0.1}, 0.95);
    assertEquals(0, flat.sd(), 0);
    assertEquals(0.1, flat.ciLow(), 0);
    assertEquals("zero variance: all 3 values are equal", flat.note());
  }

  @Test
  void rejectsABadLevel() {
    assertThrows(IllegalArgumentException.class, () -> Descriptives.of(new double[] {1, 2}, 95));
  }
}
