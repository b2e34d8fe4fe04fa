package io.paretoprune.pruning;

import java.util.List;
import java.util.Locale;

/**
 * When to prune and how much.
 *
 * <p>Pruning events fall on steps {@code t >= startStep} with {@code (t - startStep) % every == 0};
 * step 0 is the event before training. The target sparsity at step t, with {@code p = clamp((t -
 * startStep) / (endStep - startStep), 0, 1)}, is
 *
 * <ul>
 *   <li>{@code 0} before {@code startStep};
 *   <li>{@code constant}: {@code target};
 *   <li>{@code linear}: {@code target * p};
 *   <li>{@code polynomial}: {@code target * (1 - (1 - p)^3)}, the cubic ramp of Zhu &amp; Gupta
 *       (2017) with initial sparsity 0: fast early, when redundant weights are plentiful, slow near
 *       the end.
 * </ul>
 *
 * After {@code endStep} events continue at the same cadence with the final target, so that under
 * the {@code regrow} policy the sparsity is held rather than let go.
 *
 * @param endStep the step the ramp reaches {@code target}; {@link #RUN_END} for the run's last step
 */
public record PruningSchedule(Ramp ramp, double target, long startStep, long endStep, int every) {
  /** {@code endStep} placeholder: the run's last step, known once training starts. */
  public static final long RUN_END = -1;

  /** How the target sparsity grows from 0 to its final value. */
  public enum Ramp {
    CONSTANT,
    LINEAR,
    POLYNOMIAL;

    public static final List<String> NAMES = List.of("constant", "linear", "polynomial");

    public static Ramp parse(String name) {
      return valueOf(name.toUpperCase(Locale.ROOT));
    }

    @Override
    public String toString() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  public PruningSchedule {
    if (!(target >= 0 && target < 1)) {
      throw new IllegalArgumentException("target sparsity must be in [0, 1), got " + target);
    }
    if (startStep < 0) {
      throw new IllegalArgumentException("start step must be >= 0, got " + startStep);
    }
    if (endStep != RUN_END && ramp != Ramp.CONSTANT && endStep <= startStep) {
      throw new IllegalArgumentException(
          "end step " + endStep + " must be after start step " + startStep);
    }
    if (every < 1) {
      throw new IllegalArgumentException("pruning interval must be >= 1 step, got " + every);
    }
  }

  /** Every step from before training on, at a constant target (for rules that ignore it). */
  public static PruningSchedule everyStep(double target) {
    return new PruningSchedule(Ramp.CONSTANT, target, 0, RUN_END, 1);
  }

  /** Whether step {@code step} is a pruning event. */
  public boolean prunesAt(long step) {
    return step >= startStep && (step - startStep) % every == 0;
  }

  /**
   * The target sparsity at {@code step}.
   *
   * @param totalSteps the run's steps, used when {@code endStep} is {@link #RUN_END}
   */
  public double targetAt(long step, long totalSteps) {
    if (step < startStep) {
      return 0;
    }
    if (ramp == Ramp.CONSTANT) {
      return target;
    }
    long end = endStep == RUN_END ? Math.max(totalSteps, startStep + 1) : endStep;
    double p = Math.min(1.0, (double) (step - startStep) / (end - startStep));
    double s = ramp == Ramp.LINEAR ? target * p : target * (1 - (1 - p) * (1 - p) * (1 - p));
    // Guards the contract [0, 1) against rounding at p = 1.
    return Math.min(s, target);
  }
}
