package io.paretoprune.experiments.pareto;

import java.util.Optional;

/**
 * Bisection in weight space: between every two neighbours on the front (sorted by f2) train the
 * midpoint of their weightings, {@code ((c1a + c1b) / 2, (c2a + c2b) / 2)}; see {@link LevelSearch}
 * for the level loop, start and budget (default 20 trainings from (1, 0) and (0.9, 0.1)).
 */
public final class BisectionSearch extends LevelSearch {
  private BisectionSearch(Builder b) {
    super(b);
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "bisection";
  }

  @Override
  Proposer proposer() {
    return (lower, upper, known) ->
        Optional.of(Weighting.midpoint(lower.weighting(), upper.weighting()));
  }

  /** Settings: see {@link LevelSearch.BaseBuilder}. */
  public static final class Builder extends LevelSearch.BaseBuilder<Builder> {
    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    public BisectionSearch build() {
      return new BisectionSearch(this);
    }
  }
}
