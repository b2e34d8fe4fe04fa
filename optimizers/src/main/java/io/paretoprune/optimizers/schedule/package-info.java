/**
 * Learning-rate schedules as DJL {@link ai.djl.training.tracker.Tracker}s: the paper's inverse-time
 * decay ({@link io.paretoprune.optimizers.schedule.InverseTimeDecayTracker}) and its logistic epoch
 * schedule ({@link io.paretoprune.optimizers.schedule.LogisticEpochTracker}), which combine by
 * multiplication, and the names suites use for them ({@link
 * io.paretoprune.optimizers.schedule.Schedule}).
 */
package io.paretoprune.optimizers.schedule;
