package io.paretoprune.core.train.checkpoint;

import ai.djl.ndarray.NDManager;
import java.util.Optional;

/**
 * Where a trainer keeps its epoch checkpoints: it saves a {@link TrainerSnapshot} after every
 * completed epoch and, at the start of {@code fit}, resumes from the one it finds.
 */
public interface CheckpointStore {
  /** The snapshot to resume from, its arrays attached to {@code manager}; empty to start afresh. */
  Optional<TrainerSnapshot> load(NDManager manager);

  /**
   * Keeps {@code snapshot} in place of any earlier one (atomically: a kill leaves one or other).
   */
  void save(TrainerSnapshot snapshot);
}
