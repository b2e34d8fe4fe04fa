package io.paretoprune.experiments.pareto;

import com.fasterxml.jackson.annotation.JsonIgnore;
import io.paretoprune.stats.ParetoFront;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A trained weighting and its objective values (both minimised): one seed's, or the mean over
 * several seeds' {@code seeds}, which the search then decides on.
 *
 * @param payload further figures of the run (test accuracy, dense nonzeros), for reports
 * @param seeds the points of the seeds this one is the mean of, seed by seed; empty for a point of
 *     one run (left out of pareto.json, which records means; pareto.csv has one row each)
 */
public record ParetoPoint(
    double c1,
    double c2,
    double f1,
    double f2,
    Map<String, Double> payload,
    @JsonIgnore List<ParetoPoint> seeds) {

  /** The point of one run. */
  public ParetoPoint(double c1, double c2, double f1, double f2, Map<String, Double> payload) {
    this(c1, c2, f1, f2, payload, List.of());
  }

  /**
   * One weighting's point over its seeds: each objective and payload figure their mean (NaN when a
   * seed lacks it); a single seed's point as it is, so one seed gives exactly one run's point.
   */
  public static ParetoPoint meanOf(List<ParetoPoint> seeds) {
    if (seeds.size() == 1) {
      return seeds.get(0);
    }
    Set<String> keys = new LinkedHashSet<>();
    seeds.forEach(s -> keys.addAll(s.payload().keySet()));
    Map<String, Double> payload = new LinkedHashMap<>();
    for (String k : keys) {
      payload.put(
          k, mean(seeds.stream().mapToDouble(s -> s.payload().getOrDefault(k, Double.NaN))));
    }
    ParetoPoint first = seeds.get(0);
    return new ParetoPoint(
        first.c1(),
        first.c2(),
        mean(seeds.stream().mapToDouble(ParetoPoint::f1)),
        mean(seeds.stream().mapToDouble(ParetoPoint::f2)),
        payload,
        List.copyOf(seeds));
  }

  private static double mean(java.util.stream.DoubleStream v) {
    return v.average().orElse(Double.NaN);
  }

  /** True when this point is at least as good in both objectives and better in one. */
  public boolean dominates(ParetoPoint o) {
    return ParetoFront.dominates(new double[] {f2, f1}, new double[] {o.f2, o.f1});
  }
}
