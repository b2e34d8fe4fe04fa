package io.paretoprune.reporting;

import io.paretoprune.stats.MetricSpec;
import java.awt.Color;
import java.awt.Font;
import java.util.ArrayList;
import java.util.List;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.title.TextTitle;
import org.jfree.chart.ui.RectangleEdge;

/**
 * The metric axis of a front figure: the range of the points that did not collapse, with a margin;
 * collapsed points (worse than halfway from the best one to the metric's worst value: for accuracy,
 * below half the best, chance level on MNIST) are drawn on its lower edge. A lower-is-better metric
 * (an error rate) is drawn on an inverted axis, so better is up in every front figure. A metric
 * without a finite worst value never collapses.
 *
 * <p>Worked out in "score" {@code s = v} (higher is better) or {@code s = -v}, where better is
 * larger.
 */
final class MetricAxis {
  private final MetricSpec spec;
  private final double threshold;
  private final double lower;
  private final double upper;

  private MetricAxis(MetricSpec spec, double threshold, double lower, double upper) {
    this.spec = spec;
    this.threshold = threshold;
    this.lower = lower;
    this.upper = upper;
  }

  static MetricAxis of(MetricSpec spec, List<Double> values) {
    return of(spec, values, List.of());
  }

  /**
   * The range of the {@code values} that did not collapse, widened to take in the {@code extra}
   * values (confidence limits) that did not either.
   */
  static MetricAxis of(MetricSpec spec, List<Double> values, List<Double> extra) {
    double top = score(spec, spec.higherIsBetter() ? spec.max() : spec.min());
    double bottom = score(spec, spec.worst());
    List<Double> s = values.stream().map(v -> score(spec, v)).toList();
    List<Double> all = new ArrayList<>(s);
    extra.forEach(v -> all.add(score(spec, v)));
    double best = max(s, Math.min(top, 1));
    double threshold = best - (best - bottom) / 2;
    double lo =
        all.stream()
            .filter(a -> Double.isFinite(a) && a >= threshold)
            .mapToDouble(Double::doubleValue)
            .min()
            .orElse(Double.isFinite(bottom) ? bottom : best - 1);
    double hi = Math.max(best, max(all, best));
    double span = Math.max(hi - lo, 0.01);
    return new MetricAxis(
        spec,
        threshold,
        Math.max(bottom, Math.min(lo, hi - span) - 0.08 * span),
        Math.min(top, hi + 0.05 * span));
  }

  private static double score(MetricSpec spec, double v) {
    return spec.higherIsBetter() ? v : -v;
  }

  private double value(double score) {
    return spec.higherIsBetter() ? score : -score;
  }

  private static double max(List<Double> v, double otherwise) {
    return v.stream()
        .filter(Double::isFinite)
        .mapToDouble(Double::doubleValue)
        .max()
        .orElse(otherwise);
  }

  boolean collapsed(double v) {
    return score(spec, v) < threshold;
  }

  /** The value drawn on the axis' lower edge (the worse end of its range). */
  double lowerEdge() {
    return value(lower);
  }

  double clamp(double v) {
    return value(Math.max(lower, Math.min(upper, score(spec, v))));
  }

  /** Sets {@code axis} to this range, inverted for a lower-is-better metric. */
  void applyTo(ValueAxis axis) {
    axis.setRange(Math.min(value(lower), value(upper)), Math.max(value(lower), value(upper)));
    axis.setInverted(!spec.higherIsBetter());
  }

  /** The note under a figure: {@code what} (counted things) collapsed, drawn on the edge. */
  TextTitle note(String what) {
    double at = Math.round(value(threshold) * 1000) / 1000.0;
    String rule =
        spec.higherIsBetter() && spec.min() == 0
            ? "below " + Axes.plain(at) + ", half the best"
            : (spec.higherIsBetter() ? "below " : "above ")
                + Axes.plain(at)
                + ", halfway from the best to the worst";
    TextTitle t =
        new TextTitle(
            "▼ "
                + what
                + " collapsed (test "
                + spec.label()
                + " "
                + rule
                + "): drawn on the lower edge",
            new Font("SansSerif", Font.PLAIN, 11));
    t.setPosition(RectangleEdge.BOTTOM);
    t.setPaint(new Color(0x555555));
    return t;
  }

  /** "3 weightings", "1 method". */
  static String count(int n, String what) {
    return n + " " + what + (n == 1 ? "" : "s");
  }

  /**
   * The caption's sentence on collapsed weightings and the axis direction; empty when neither
   * applies (a metric without a finite worst value on a higher-is-better axis).
   */
  static String captionSentence(MetricSpec spec) {
    String s = "";
    if (Double.isFinite(spec.worst())) {
      s =
          spec.higherIsBetter() && spec.min() == 0
              ? " Weightings whose test "
                  + spec.label()
                  + " is below half the best one's collapsed (chance level)"
                  + " and are drawn as triangles on the axis' lower edge."
              : " Weightings whose test "
                  + spec.label()
                  + " is worse than halfway from the best one's to "
                  + Axes.plain(spec.worst())
                  + " collapsed and are drawn as triangles on the axis' lower edge.";
    }
    if (!spec.higherIsBetter()) {
      s += " The " + spec.label() + " axis is inverted (lower is better), so better is up.";
    }
    return s;
  }
}
