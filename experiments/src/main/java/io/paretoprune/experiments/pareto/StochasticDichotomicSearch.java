package io.paretoprune.experiments.pareto;

import java.util.Optional;
import java.util.Random;

/**
 * Dichotomic search that keeps exploring: when the normal of a segment is a weighting already
 * trained (the segment looked like a hull edge) or the two points coincide, it draws a random
 * weighting between the two neighbours' weightings instead, {@code c2 = c2a + u (c2b - c2a)} with u
 * uniform in [0, 1); if the neighbours share c2 it draws c1 uniformly in [0.9 c1b, c1b], as the
 * paper's code does. Draws that hit a trained weighting are repeated (at most 100 times). Each
 * {@link #run} starts a {@link Random} from the seed, so a run is reproducible by seed. It usually
 * stops at the budget (default 20 trainings; see {@link LevelSearch}).
 *
 * <p>The paper's code instead draws c1 in [0.9 c1b, c1b] always; with the tiny useful c2 values
 * (1e-4) that jumps far (c2 up to about 0.1), so this draw stays between the neighbours.
 */
public final class StochasticDichotomicSearch extends LevelSearch {
  private static final int MAX_DRAWS = 100;
  private final long seed;

  private StochasticDichotomicSearch(Builder b) {
    super(b);
    this.seed = b.seed;
  }

  public static Builder builder() {
    return new Builder();
  }

  @Override
  public String name() {
    return "stochastic-dichotomic";
  }

  public long seed() {
    return seed;
  }

  @Override
  Proposer proposer() {
    Random random = new Random(seed);
    return (lower, upper, known) -> {
      Optional<Weighting> normal = DichotomicSearch.normal(lower, upper);
      if (normal.isPresent() && !known.test(normal.get())) {
        return normal;
      }
      for (int draw = 0; draw < MAX_DRAWS; draw++) {
        Weighting w = near(lower.weighting(), upper.weighting(), random);
        if (!known.test(w)) {
          return Optional.of(w);
        }
      }
      return Optional.empty();
    };
  }

  private static Weighting near(Weighting a, Weighting b, Random random) {
    if (a.sameAs(b)) {
      double c1 = b.c1() * (0.9 + 0.1 * random.nextDouble());
      return Weighting.ofC2(1 - c1);
    }
    return Weighting.ofC2(a.c2() + random.nextDouble() * (b.c2() - a.c2()));
  }

  /** Settings: {@link #optSeed} and those of {@link LevelSearch.BaseBuilder}. */
  public static final class Builder extends LevelSearch.BaseBuilder<Builder> {
    private long seed;

    private Builder() {}

    @Override
    Builder self() {
      return this;
    }

    /** Seed of the random draws (default 0). */
    public Builder optSeed(long seed) {
      this.seed = seed;
      return this;
    }

    public StochasticDichotomicSearch build() {
      return new StochasticDichotomicSearch(this);
    }
  }
}
