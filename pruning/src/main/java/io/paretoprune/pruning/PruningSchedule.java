package io.paretoprune.pruning;

/**
 * When a rule runs and, for rules with a target, how much is pruned at a step.
 *
 * <p>The target sparsity ramps from 0 at {@code startStep} to {@code target} at {@code endStep}:
 * constant (the full target from the start), linear, or polynomial {@code s_t = s (1 - (1 - p)^3)}
 * with {@code p} the ramp's progress (Zhu and Gupta, 2017). Pruning happens before training and
 * after every {@code every}-th step.
 */
public record PruningSchedule(String ramp, double target, long startStep, long endStep, int every) {
  public PruningSchedule {
    if (every < 1) {
      throw new IllegalArgumentException("every must be at least 1");
    }
  }

  /** Every step, the full target at once. */
  public static PruningSchedule constant(double target) {
    return new PruningSchedule("constant", target, 0, 0, 1);
  }

  public boolean isDue(long step) {
    return step == 0 || step % every == 0;
  }

  /** The target sparsity after {@code step} steps. */
  public double targetAt(long step) {
    if (ramp.equals("constant") || endStep <= startStep) {
      return step >= startStep ? target : 0;
    }
    if (step <= startStep) {
      return 0;
    }
    double p = Math.min(1, (double) (step - startStep) / (endStep - startStep));
    return switch (ramp) {
      case "linear" -> target * p;
      case "polynomial" -> target * (1 - Math.pow(1 - p, 3));
      default -> throw new IllegalStateException("unknown ramp " + ramp);
    };
  }
}
