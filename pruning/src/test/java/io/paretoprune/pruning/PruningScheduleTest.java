package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.pruning.PruningSchedule.Ramp;
import org.junit.jupiter.api.Test;

class PruningScheduleTest {
  @Test
  void constantHoldsTheTargetFromTheStartStep() {
    PruningSchedule s = new PruningSchedule(Ramp.CONSTANT, 0.6, 10, PruningSchedule.RUN_END, 1);
    assertEquals(0, s.targetAt(9, 100));
    assertEquals(0.6, s.targetAt(10, 100));
    assertEquals(0.6, s.targetAt(1000, 100));
  }

  @Test
  void linearRampsFromZeroAtStartToTargetAtEnd() {
    PruningSchedule s = new PruningSchedule(Ramp.LINEAR, 0.8, 100, 200, 1);
    assertEquals(0, s.targetAt(50, 1000));
    assertEquals(0, s.targetAt(100, 1000));
    assertEquals(0.2, s.targetAt(125, 1000), 1e-12);
    assertEquals(0.4, s.targetAt(150, 1000), 1e-12);
    assertEquals(0.8, s.targetAt(200, 1000));
    assertEquals(0.8, s.targetAt(250, 1000));
  }

  @Test
  void polynomialIsZhuAndGuptasCubic() {
    PruningSchedule s = new PruningSchedule(Ramp.POLYNOMIAL, 0.8, 100, 200, 1);
    assertEquals(0, s.targetAt(100, 1000));
    // 0.8 * (1 - 0.75^3) and 0.8 * (1 - 0.5^3)
    assertEquals(0.4625, s.targetAt(125, 1000), 1e-12);
    assertEquals(0.7, s.targetAt(150, 1000), 1e-12);
    assertEquals(0.8, s.targetAt(200, 1000));
    assertEquals(0.8, s.targetAt(300, 1000));
  }

  @Test
  void runEndResolvesToTheRunsLastStep() {
    PruningSchedule s = new PruningSchedule(Ramp.LINEAR, 0.5, 0, PruningSchedule.RUN_END, 1);
    assertEquals(0.25, s.targetAt(40, 80), 1e-12);
    assertEquals(0.5, s.targetAt(80, 80));
  }

  @Test
  void eventsFallEveryNStepsFromTheStart() {
    PruningSchedule s = new PruningSchedule(Ramp.CONSTANT, 0.5, 4, PruningSchedule.RUN_END, 3);
    assertFalse(s.prunesAt(0));
    assertFalse(s.prunesAt(3));
    assertTrue(s.prunesAt(4));
    assertFalse(s.prunesAt(5));
    assertTrue(s.prunesAt(7));
    assertTrue(s.prunesAt(10));
    assertTrue(PruningSchedule.everyStep(0).prunesAt(0));
    assertTrue(PruningSchedule.everyStep(0).prunesAt(1));
  }

  @Test
  void rejectsImpossibleSchedules() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new PruningSchedule(Ramp.CONSTANT, 1.0, 0, PruningSchedule.RUN_END, 1));
    assertThrows(
        IllegalArgumentException.class, () -> new PruningSchedule(Ramp.LINEAR, 0.5, 10, 10, 1));
    assertThrows(
        IllegalArgumentException.class,
        () -> new PruningSchedule(Ramp.CONSTANT, 0.5, 0, PruningSchedule.RUN_END, 0));
  }
}
