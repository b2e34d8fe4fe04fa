package io.paretoprune.core.train.seam;

/**
 * The multi-objective rule: turns what it sees of the k objective gradients at one step into
 * weights {@code c}, so the direction is {@code d = sum_i c_i g_i} (or, with a per-objective step
 * rule, the step rule's per-objective updates are weighted by {@code c}).
 *
 * <p>One instance serves one parameter group of one run, so a rule may keep state of its own across
 * steps in its fields (running loss averages for DWA, learned log-variances for uncertainty
 * weighting). It is called from one thread only. The trainer computes only what the rule asks for:
 * the Gram matrix when {@link #needsGram()}, the batch's objective values when {@link
 * #needsLosses()} (each costs a copy to the host).
 */
public interface GradientCombiner {

  /**
   * Chooses the weights.
   *
   * @return one finite weight per objective of the group. They need not be non-negative nor sum to
   *     1: min-norm's lie on the simplex, PCGrad's sum to about k, Nash-MTL's are unnormalised and
   *     IMTL-G's sum to 1 but may be negative for k &gt;= 3. The trainer accepts any finite weights
   *     (NaN or Inf stops the run as diverged).
   * @throws NonFiniteGradientException when the gradients hold NaN or Inf
   */
  double[] weights(CombinerInput input);

  /**
   * What the rule reports about the choice {@link #weights} just made besides the weights: by name,
   * one value per objective of the group (min-norm's gradient normalisers {@code gn}, say). The
   * trainer keeps it in the step's {@link StepRecord#recorded()} and its epoch mean in {@link
   * WeightStats#recordedMeans()}; a run's epochs.csv has a column {@code NAME_GROUP_OBJECTIVE_mean}
   * for each. A rule reports the same names at every step; empty (the default) for nothing. The
   * name {@code gnorm} is taken: for every rule that {@link #needsGram() reads the Gram matrix} the
   * trainer itself records each objective's gradient norm under it.
   */
  default java.util.Map<String, double[]> recorded() {
    return java.util.Map.of();
  }

  /** False for rules that never read the Gram matrix: the trainer then does not compute it. */
  default boolean needsGram() {
    return true;
  }

  /** True for rules that read the objectives' values on the batch. */
  default boolean needsLosses() {
    return false;
  }

  /**
   * True for a fixed weighting (scalarization): it is then plain training on {@code sum c_i f_i},
   * and a step rule's state belongs to that sum, not to each objective.
   */
  default boolean fixedWeights() {
    return false;
  }

  /**
   * State an epoch checkpoint must keep so that a resumed run picks the same weights (running
   * averages, say); null for a rule without state.
   */
  default double[] saveState() {
    return null;
  }

  /** Puts back what {@link #saveState} returned when the run resumes from a checkpoint. */
  default void restoreState(double[] state) {}

  /** The number of objectives this rule expects, or -1 for any. */
  default int arity() {
    return -1;
  }
}
