package io.paretoprune.core.train;

/**
 * How long a run is, for learning-rate schedules and pruning ramps that depend on it.
 *
 * @param epochs total epochs
 * @param stepsPerEpoch optimizer steps in one epoch
 */
public record TrainingSchedule(int epochs, int stepsPerEpoch) {
  public long totalSteps() {
    return (long) epochs * stepsPerEpoch;
  }
}
