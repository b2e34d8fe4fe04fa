package io.paretoprune.experiments.pareto;

import java.util.List;

/**
 * Trains a fixed list of weightings in order (by default the paper's 26 values of c2, c1 = 1 - c2)
 * and keeps the non-dominated points. Repeated weightings are trained once.
 */
public final class WeightedSumSweep implements ParetoSearch {
  /** The paper's sweep of c2 (method.md), in its order, ending with 0. */
  public static final List<Double> PAPER_C2 =
      List.of(
          1e-5, 3e-5, 5e-5, 7e-5, 9e-5, 1e-4, 3e-4, 5e-4, 7e-4, 9e-4, 1e-3, 3e-3, 5e-3, 7e-3, 9e-3,
          1e-2, 1.5e-2, 2e-2, 2.5e-2, 3e-2, 3.5e-2, 5e-2, 7e-2, 9e-2, 1e-1, 0.0);

  private final List<Weighting> weightings;
  private final int maxEvaluations;
  private final ReferencePoint reference;

  private WeightedSumSweep(Builder b) {
    this.weightings = SearchSettings.weightings("c2Values", b.c2Values);
    SearchSettings.atLeast("maxEvaluations", b.maxEvaluations, 1, "training");
    this.maxEvaluations = b.maxEvaluations;
    this.reference = b.reference;
  }

  public static Builder builder() {
    return new Builder();
  }

  /** The paper's sweep with a derived reference point. */
  public static WeightedSumSweep paper() {
    return builder().build();
  }

  @Override
  public String name() {
    return "sweep";
  }

  @Override
  public SearchResult run(Evaluator evaluator) {
    EvaluationCache cache = new EvaluationCache(evaluator, maxEvaluations);
    String stop = "all " + weightings.size() + " weightings evaluated";
    for (Weighting w : weightings) {
      if (cache.known(w)) {
        continue;
      }
      if (cache.exhausted()) {
        stop = "evaluation budget reached (" + maxEvaluations + ")";
        break;
      }
      cache.evaluate(w);
    }
    return SearchResult.of(name(), cache.all(), reference, stop);
  }

  /** Settings: all optional. */
  public static final class Builder {
    private List<Double> c2Values = PAPER_C2;
    private int maxEvaluations = Integer.MAX_VALUE;
    private ReferencePoint reference;

    private Builder() {}

    /** The c2 values to train, in order (default {@link #PAPER_C2}). */
    public Builder optC2Values(List<Double> c2Values) {
      this.c2Values = c2Values;
      return this;
    }

    /** At most this many trainings (default: the whole list). */
    public Builder optMaxEvaluations(int maxEvaluations) {
      this.maxEvaluations = maxEvaluations;
      return this;
    }

    /** Reference point of the hypervolume (default: derived from the evaluated points). */
    public Builder optReferencePoint(ReferencePoint reference) {
      this.reference = reference;
      return this;
    }

    public WeightedSumSweep build() {
      return new WeightedSumSweep(this);
    }
  }
}
