package io.paretoprune.experiments.pareto;

import java.util.List;

/**
 * One search's outcome.
 *
 * @param evaluated every trained weighting, in the order trained
 * @param front the non-dominated ones, by f2
 * @param reference the hypervolume's reference point (f1, f2)
 */
public record SearchResult(
    String search,
    List<ParetoPoint> evaluated,
    List<ParetoPoint> front,
    ParetoPoint kneePaper,
    ParetoPoint kneeChord,
    double hypervolume,
    double[] reference) {

  static SearchResult of(String search, List<ParetoPoint> evaluated) {
    List<ParetoPoint> front = Fronts.nonDominated(evaluated);
    double maxF1 = evaluated.stream().mapToDouble(ParetoPoint::f1).max().orElse(1);
    double maxF2 = evaluated.stream().mapToDouble(ParetoPoint::f2).max().orElse(1);
    // Reference point: 10% beyond the worst value seen in each objective.
    double[] ref = {maxF1 * 1.1, maxF2 * 1.1};
    return new SearchResult(
        search,
        List.copyOf(evaluated),
        front,
        Fronts.paperKnee(front),
        Fronts.chordKnee(front),
        Fronts.hypervolume(evaluated, ref),
        ref);
  }
}
