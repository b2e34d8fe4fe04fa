package io.paretoprune.experiments.pareto;

import java.util.List;
import java.util.Optional;

/**
 * What one search run found.
 *
 * @param search the search's name ({@code sweep}, {@code bisection}, {@code dichotomic}, {@code
 *     stochastic-dichotomic})
 * @param evaluated every trained point in training order
 * @param front the non-dominated finite points, sorted by f2 ascending
 * @param kneePaper the knee by the paper's c1/c2 jump rule, if the front allows one
 * @param kneeChord the knee by distance to the chord, if the front allows one
 * @param hypervolume area dominated by the front up to {@code referencePoint} (NaN without one)
 * @param referencePoint the given reference point, or the derived one (see {@link
 *     ReferencePoint#nadirWithMargin}); null when no point is finite
 * @param evaluations number of trainings
 * @param stopReason why the search stopped
 */
public record SearchResult(
    String search,
    List<ParetoPoint> evaluated,
    List<ParetoPoint> front,
    Optional<Knee> kneePaper,
    Optional<Knee> kneeChord,
    double hypervolume,
    ReferencePoint referencePoint,
    int evaluations,
    String stopReason) {

  /** Margin of a derived reference point, as a share of each objective's range. */
  public static final double DERIVED_REFERENCE_MARGIN = 0.1;

  public SearchResult {
    evaluated = List.copyOf(evaluated);
    front = List.copyOf(front);
  }

  /** Front, knees and hypervolume of {@code evaluated}; {@code reference} may be null (derived). */
  public static SearchResult of(
      String search, List<ParetoPoint> evaluated, ReferencePoint reference, String stopReason) {
    List<ParetoPoint> front = ParetoFront.nonDominated(evaluated);
    ReferencePoint ref =
        reference != null
            ? reference
            : ReferencePoint.nadirWithMargin(evaluated, DERIVED_REFERENCE_MARGIN);
    double hv = ref == null ? Double.NaN : Hypervolume.of(front, ref);
    return new SearchResult(
        search,
        evaluated,
        front,
        KneeSelection.paperRule(front),
        KneeSelection.chordDistance(front),
        hv,
        ref,
        evaluated.size(),
        stopReason);
  }

  /** 1-based training order of {@code p} in {@link #evaluated()} (by identity), or -1. */
  public int orderOf(ParetoPoint p) {
    for (int i = 0; i < evaluated.size(); i++) {
      if (evaluated.get(i) == p) {
        return i + 1;
      }
    }
    return -1;
  }
}
