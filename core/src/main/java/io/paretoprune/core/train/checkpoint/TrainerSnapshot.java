package io.paretoprune.core.train.checkpoint;

import ai.djl.ndarray.NDList;
import io.paretoprune.core.train.result.EpochMetrics;
import java.util.List;
import java.util.Map;

/**
 * Everything a trainer needs to go on after a completed epoch exactly as if it had not stopped: the
 * weights (the flat array and any other parameter), every step rule's state arrays and update
 * counts, the hooks' and combiners' state, the epoch rows so far and the step count. The data order
 * is not stored: it is replayed from the seed.
 *
 * @param epoch the last completed epoch
 * @param step steps taken so far
 * @param arrays named arrays (weights, step-rule state, hook and combiner state)
 * @param counters named whole numbers (step-rule update counts)
 */
public record TrainerSnapshot(
    int epoch,
    long step,
    List<EpochMetrics> history,
    NDList arrays,
    Map<String, Integer> counters) {
  public TrainerSnapshot {
    history = List.copyOf(history);
    counters = Map.copyOf(counters);
  }
}
