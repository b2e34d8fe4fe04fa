package io.paretoprune.experiments.pareto;

import java.util.Optional;

/**
 * Dichotomic search (Aneja and Nair 1979, as the paper's code uses it): between two neighbours a
 * (lower f2) and b on the front, train the weighting normal to the segment joining them, {@code
 * (dy, -dx) / (dy - dx)} with {@code dx = f1(b) - f1(a) <= 0}, {@code dy = f2(b) - f2(a) >= 0}.
 * Under it a and b score the same weighted sum, so a training that finds a lower value reveals a
 * supported point between them, and one that does not confirms the segment as a hull edge; the
 * weighting is then known and the pair proposes nothing new. The search stops when no pair yields a
 * new weighting (or at the budget, default 20 trainings from (1, 0) and (0.9, 0.1); see {@link
 * LevelSearch}).
 */
public final class DichotomicSearch extends LevelSearch {
  private DichotomicSearch(Builder b) {
    super(b);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "dichotomic";
  }

  @Override
  Proposer proposer() {
    return (lower, upper, known) -> normal(lower, upper);
  }

  /**
   * The weighting normal to the segment from {@code lower} to {@code upper}; empty when the points
   * coincide or the normal would have a negative component (one point dominates the other).
   */
  public static Optional<Weighting> normal(ParetoPoint lower, ParetoPoint upper) {
    double dx = upper.f1() - lower.f1();
    double dy = upper.f2() - lower.f2();
    double c1 = dy;
    double c2 = -dx;
    if (!(c1 >= 0 && c2 >= 0 && c1 + c2 > 0) || !Double.isFinite(c1 + c2)) {
      return Optional.empty();
    }
    return Optional.of(Weighting.ofC2(c2 / (c1 + c2)));
  }

  /** Settings: see {@link LevelSearch.BaseBuilder}. */
  public static final class Builder extends LevelSearch.BaseBuilder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    public DichotomicSearch build() {
      return new DichotomicSearch(this);
    }
  }
}
