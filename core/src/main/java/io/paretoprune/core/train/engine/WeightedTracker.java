package io.paretoprune.core.train.engine;

import ai.djl.training.tracker.Tracker;

/**
 * A schedule multiplied by a weight the trainer sets before each update: how a per-objective step
 * rule's update is weighted by the combiner's {@code c_i} without the rule knowing about it.
 */
final class WeightedTracker implements Tracker {
  private final Tracker base;
  private float weight = 1f;

  WeightedTracker(Tracker base) {
    this.base = base;
  }

  void setWeight(double weight) {
    this.weight = (float) weight;
  }

  @Override
  public float getNewValue(int numUpdate) {
    return base.getNewValue(numUpdate) * weight;
  }
}
