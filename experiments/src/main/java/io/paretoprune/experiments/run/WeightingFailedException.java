package io.paretoprune.experiments.run;

import java.io.IOException;

/**
 * A Pareto search's weighting ended without a result (its process or Slurm task failed, or it
 * diverged before its first epoch). The search stops there; what finished is kept, so running the
 * search again resumes. The command line prints the message as one line and exits 1.
 */
public final class WeightingFailedException extends IOException {
  private static final long serialVersionUID = 1L;

  WeightingFailedException(String message) {
    super(message);
  }
}
