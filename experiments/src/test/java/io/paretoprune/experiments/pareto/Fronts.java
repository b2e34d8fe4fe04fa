package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertFalse;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** Analytic evaluators with known fronts, and front checks, for the search tests. */
final class Fronts {
  private Fronts() {}

  /** Counts its calls. */
  static final class Counting implements Evaluator {
    private final Evaluator inner;
    final List<Weighting> calls = new ArrayList<>();

    Counting(Evaluator inner) {
      this.inner = inner;
    }

    @Override
    public ParetoPoint evaluate(Weighting w) {
      calls.add(w);
      return inner.evaluate(w);
    }
  }

  /**
   * The exact minimiser of {@code c1 x^2 + c2 s (1 - x)^2} over x: x = c2 s / (c1 + c2 s), scored
   * f1 = x^2, f2 = s (1 - x)^2. A strictly convex front: distinct weightings give distinct
   * non-dominated points.
   */
  static Evaluator convexCurve(double s) {
    return w -> {
      double x = w.c2() * s / (w.c1() + w.c2() * s);
      return new ParetoPoint(w, x * x, s * (1 - x) * (1 - x), Map.of("x", x));
    };
  }

  /**
   * Weighted-sum minimisation over a finite set of (f1, f2) points (first on ties): only the
   * extreme supported points (hull vertices) can ever be returned. Payload "id" is the index.
   */
  static Evaluator finiteSet(double[][] points) {
    return w -> {
      int best = 0;
      for (int i = 1; i < points.length; i++) {
        if (value(w, points[i]) < value(w, points[best])) {
          best = i;
        }
      }
      return new ParetoPoint(w, points[best][0], points[best][1], Map.of("id", best));
    };
  }

  private static double value(Weighting w, double[] p) {
    return w.c1() * p[0] + w.c2() * p[1];
  }

  static void assertNonDominated(List<ParetoPoint> front) {
    for (ParetoPoint a : front) {
      for (ParetoPoint b : front) {
        assertFalse(ParetoFront.dominates(a, b), a + " dominates " + b);
      }
    }
  }
}
