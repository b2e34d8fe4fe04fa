package io.paretoprune.experiments.pareto;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * One trained weighting and its two objective values, both minimised: {@code f1} (test
 * cross-entropy) and {@code f2} (test L1 of the dense weights, or their nonzero count). Non-finite
 * objectives mark a training that diverged; such points never enter a front. The payload is opaque
 * to the search (e.g. run id, test accuracy, nonzeros) and is written as extra columns of {@code
 * pareto.csv}; its insertion order is kept.
 */
public record ParetoPoint(Weighting weighting, double f1, double f2, Map<String, Object> payload) {

  public ParetoPoint {
    if (weighting == null) {
      throw new IllegalArgumentException("a Pareto point needs its weighting");
    }
    payload =
        payload == null ? Map.of() : Collections.unmodifiableMap(new LinkedHashMap<>(payload));
  }

  public static ParetoPoint of(Weighting weighting, double f1, double f2) {
    return new ParetoPoint(weighting, f1, f2, Map.of());
  }

  public double c1() {
    return weighting.c1();
  }

  public double c2() {
    return weighting.c2();
  }

  /** Whether both objectives are finite (the training did not diverge). */
  public boolean isFinite() {
    return Double.isFinite(f1) && Double.isFinite(f2);
  }
}
