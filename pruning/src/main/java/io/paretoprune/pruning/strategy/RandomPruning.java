package io.paretoprune.pruning.strategy;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.DataType;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.pruning.Mask;
import io.paretoprune.pruning.PruningContext;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalLong;
import java.util.SplittableRandom;

/**
 * The control for {@link MagnitudePruning}: the same exact counts, but the weights to prune are
 * chosen at random, blind to their values.
 *
 * <p>Every weight gets a priority drawn once, uniform in {@code [0, 1)}, from a generator seeded by
 * the rule's {@code seed} (when set, else the run's: {@link PruningContext#seed()}) and the
 * parameter's stable name (so the choice is reproducible and does not depend on the order of the
 * selection); the {@code round(s * n)} lowest priorities are pruned. Drawing once rather than at
 * every event keeps the pruned sets nested as the target grows, which is a uniform random choice
 * among the weights still kept, and keeps the run from zeroing a fresh random set of weights every
 * step. Priorities are made on the host once per run, never per step.
 */
public final class RandomPruning extends RankedPruning {
  private final OptionalLong seed;
  private final Map<String, NDArray> priorities = new HashMap<>();
  private long drawSeed;

  /** Draws from this seed whatever the run's. */
  public RandomPruning(Scope scope, long seed) {
    this(scope, OptionalLong.of(seed));
  }

  /**
   * @param seed the seed to draw from, or empty to draw from the run's ({@link
   *     PruningContext#seed()})
   */
  public RandomPruning(Scope scope, OptionalLong seed) {
    super(scope);
    this.seed = seed;
  }

  /** The seed set for this rule; empty when it draws from the run's. */
  public OptionalLong seed() {
    return seed;
  }

  @Override
  public Mask computeMask(List<ParameterRef> targets, Mask prior, PruningContext context) {
    long s = seed.orElse(context.seed());
    if (s != drawSeed) {
      forget();
      drawSeed = s;
    }
    for (ParameterRef p : targets) {
      NDArray a = priorities.get(p.id());
      if (a == null || !a.getManager().isOpen()) {
        // A new network: forget the previous one's priorities.
        forget();
        break;
      }
    }
    return super.computeMask(targets, prior, context);
  }

  @Override
  protected NDArray scores(ParameterRef p) {
    return priorities.computeIfAbsent(p.id(), id -> draw(p));
  }

  private NDArray draw(ParameterRef p) {
    NDArray w = p.array();
    SplittableRandom random =
        new SplittableRandom(drawSeed ^ (0x9E3779B97F4A7C15L * p.name().hashCode()));
    float[] values = new float[Math.toIntExact(w.size())];
    for (int i = 0; i < values.length; i++) {
      // 24 random bits: every float32 in [0, 1) on the 2^-24 grid, equally likely.
      values[i] = (random.nextInt() >>> 8) * 0x1.0p-24f;
    }
    NDArray a = w.getManager().create(values, w.getShape());
    if (w.getDataType() != DataType.FLOAT32) {
      NDArray typed = a.toType(w.getDataType(), true);
      a.close();
      a = typed;
    }
    // Kept for the whole run, beyond the caller's scope.
    NDScope.unregister(a);
    return a;
  }

  private void forget() {
    for (NDArray a : priorities.values()) {
      if (a.getManager().isOpen()) {
        a.close();
      }
    }
    priorities.clear();
  }

  @Override
  public String toString() {
    return "random(scope="
        + scope()
        + ", seed="
        + (seed.isPresent() ? Long.toString(seed.getAsLong()) : "the run's")
        + ")";
  }
}
