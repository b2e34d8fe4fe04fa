package io.paretoprune.optimizers.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.train.TrainingSchedule;
import org.junit.jupiter.api.Test;

class ScheduleTest {
  @Test
  void inverseTimeDecayCountsUpdatesFromZero() {
    // The paper's LeNet setting: lr 0.01, 30 epochs, decay = lr / epochs.
    InverseTimeDecayTracker t = InverseTimeDecayTracker.paper(0.01f, 30);
    assertEquals(0.01f / 30, t.decay(), 1e-12);
    assertEquals(0.01f, t.getNewValue(1), 0); // first update: t = 0
    assertEquals(0.009996667777, t.getNewValue(2), 1e-9);
    assertEquals(0.0075, t.getNewValue(1001), 1e-8); // 1 + 1000/3000 = 4/3
    assertEquals(0.005, t.getNewValue(3001), 1e-8); // halved after epochs/lr updates
    assertEquals(0.005, t.getNewValue("any parameter", 3001), 1e-8);
  }

  @Test
  void logisticScheduleFallsFromLrToATenth() {
    LogisticEpochTracker t =
        LogisticEpochTracker.builder()
            .setBaseValue(0.01f)
            .setEpochs(100)
            .setStepsPerEpoch(10)
            .build();
    // Epoch 0 (updates 1..10) runs at lr exactly.
    assertEquals(0.01f, t.getNewValue(1), 0);
    assertEquals(0.01f, t.getNewValue(10), 0);
    // Epoch 1 starts at update 11.
    assertEquals(0.00999953314599082, t.getNewValue(11), 1e-9);
    assertEquals(0.0055, t.getNewValue(751), 1e-9); // e = 0.75 E: the midpoint
    assertEquals(0.0055, t.getNewValue(760), 1e-9); // constant within the epoch
    assertEquals(0.002877476745934404, t.getNewValue(851), 1e-9);
    assertEquals(0.0013524915051708782, t.getNewValue(991), 1e-9);
    assertEquals(0.0055, t.valueAtEpoch(75), 1e-9);
  }

  @Test
  void bothSchedulesMultiply() {
    TrainingSchedule run = new TrainingSchedule(100, 10);
    Tracker both = Schedule.INVERSE_TIME_LOGISTIC.tracker(0.01f, 1e-4f, run);
    // lr(75) / (1 + 1e-4 * 750)
    assertEquals(0.0051162790697674414, both.getNewValue(751), 1e-9);
    assertEquals(0.01f, both.getNewValue(1), 0);
  }

  @Test
  void namedSchedulesBuildTheirTrackers() {
    TrainingSchedule run = new TrainingSchedule(100, 10);
    assertEquals(0.01f, Schedule.CONSTANT.tracker(0.01f, 0, run).getNewValue(5000), 0);
    assertEquals(0.005, Schedule.INVERSE_TIME.tracker(0.01f, 1e-3f, run).getNewValue(1001), 1e-8);
    assertEquals(0.0055, Schedule.LOGISTIC.tracker(0.01f, 0, run).getNewValue(751), 1e-9);
    assertEquals(Schedule.INVERSE_TIME_LOGISTIC, Schedule.byId("inverse_time+logistic"));
    assertEquals(null, Schedule.byId("cosine"));
  }

  @Test
  void buildersRejectBadValues() {
    assertThrows(
        IllegalArgumentException.class,
        () -> InverseTimeDecayTracker.builder().setBase(Tracker.fixed(0.1f)).setDecay(-1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> InverseTimeDecayTracker.builder().setBase(Tracker.fixed(0.1f)).build());
    assertThrows(NullPointerException.class, () -> InverseTimeDecayTracker.builder().build());
    assertThrows(IllegalArgumentException.class, () -> InverseTimeDecayTracker.paper(0.1f, 0));
    assertThrows(
        IllegalArgumentException.class,
        () ->
            LogisticEpochTracker.builder()
                .setBaseValue(0.1f)
                .setEpochs(0)
                .setStepsPerEpoch(1)
                .build());
    assertThrows(
        IllegalArgumentException.class,
        () -> LogisticEpochTracker.builder().setBaseValue(0.1f).setEpochs(1).build());
    assertThrows(
        IllegalArgumentException.class,
        () -> LogisticEpochTracker.builder().setEpochs(1).setStepsPerEpoch(1).build());
  }
}
