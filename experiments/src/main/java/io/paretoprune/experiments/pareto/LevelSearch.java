package io.paretoprune.experiments.pareto;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * The level loop shared by bisection and (stochastic) dichotomic search, after the paper's code:
 * train the start weightings; then, level by level, sort the current front by f2 and, for every
 * pair of neighbours (lower f2 first), propose one weighting and train it unless it was trained
 * before; after each level the dominated points drop out (the front is recomputed from everything
 * trained). The search stops when a level proposes no new weighting, when the front has fewer than
 * two points, after {@code maxLevels} levels, or when the next training would exceed {@code
 * maxEvaluations} (the budget is enforced strictly, also in the middle of a level, where pairs are
 * served in f2 order).
 */
public abstract sealed class LevelSearch implements ParetoSearch
    permits BisectionSearch, DichotomicSearch, StochasticDichotomicSearch {
  /** The paper's start: (1, 0) and (0.9, 0.1). */
  public static final List<Double> DEFAULT_START_C2 = List.of(0.0, 0.1);

  public static final int DEFAULT_MAX_EVALUATIONS = 20;

  /** The paper's code runs at most 15 levels. */
  public static final int DEFAULT_MAX_LEVELS = 15;

  private final List<Weighting> start;
  private final int maxEvaluations;
  private final int maxLevels;
  private final ReferencePoint reference;

  LevelSearch(BaseBuilder<?> b) {
    this.start = SearchSettings.weightings("start", b.startC2);
    Set<Long> distinct = new HashSet<>();
    start.forEach(w -> distinct.add(w.key()));
    SearchSettings.atLeast("start", distinct.size(), 2, "distinct weightings");
    SearchSettings.atLeast(
        "maxEvaluations", b.maxEvaluations, distinct.size(), "(the start weightings)");
    SearchSettings.atLeast("maxLevels", b.maxLevels, 1, "level");
    this.maxEvaluations = b.maxEvaluations;
    this.maxLevels = b.maxLevels;
    this.reference = b.reference;
  }

  /** How one run picks the weighting between two neighbours on the front. */
  interface Proposer {
    Optional<Weighting> propose(ParetoPoint lower, ParetoPoint upper, Predicate<Weighting> known);
  }

  /** A proposal rule for one run (fresh state, e.g. a reseeded generator). */
  abstract Proposer proposer();

  @Override
  public final SearchResult run(Evaluator evaluator) {
    EvaluationCache cache = new EvaluationCache(evaluator, maxEvaluations);
    start.forEach(cache::evaluate);
    Proposer proposer = proposer();
    String stop = "level limit reached (" + maxLevels + ")";
    for (int level = 1; level <= maxLevels; level++) {
      List<ParetoPoint> front = ParetoFront.nonDominated(cache.all());
      if (front.size() < 2) {
        stop = "front has fewer than 2 points";
        break;
      }
      int before = cache.count();
      boolean spent = false;
      for (int i = 1; i < front.size() && !spent; i++) {
        Optional<Weighting> w = proposer.propose(front.get(i - 1), front.get(i), cache::known);
        if (w.isEmpty() || cache.known(w.get())) {
          continue;
        }
        spent = cache.exhausted();
        if (!spent) {
          cache.evaluate(w.get());
        }
      }
      if (spent) {
        stop = "evaluation budget reached (" + maxEvaluations + ")";
        break;
      }
      if (cache.count() == before) {
        stop = "no new weighting";
        break;
      }
    }
    return SearchResult.of(name(), cache.all(), reference, stop);
  }

  /** Settings shared by the level searches; all optional. */
  public abstract static class BaseBuilder<T extends BaseBuilder<T>> {
    private List<Double> startC2 = DEFAULT_START_C2;
    private int maxEvaluations = DEFAULT_MAX_EVALUATIONS;
    private int maxLevels = DEFAULT_MAX_LEVELS;
    private ReferencePoint reference;

    BaseBuilder() {}

    abstract T self();

    /** c2 of the start weightings, trained first in this order (default 0 and 0.1). */
    public T optStartC2(List<Double> startC2) {
      this.startC2 = startC2;
      return self();
    }

    /** At most this many trainings, start included (default 20). */
    public T optMaxEvaluations(int maxEvaluations) {
      this.maxEvaluations = maxEvaluations;
      return self();
    }

    /** At most this many levels (default 15). */
    public T optMaxLevels(int maxLevels) {
      this.maxLevels = maxLevels;
      return self();
    }

    /** Reference point of the hypervolume (default: derived from the evaluated points). */
    public T optReferencePoint(ReferencePoint reference) {
      this.reference = reference;
      return self();
    }
  }
}
