package io.paretoprune.stats;

/**
 * A task's metric as its results name it: {@code train_<name>} and {@code test_<name>} columns,
 * {@code label} in axes and captions, which way is better and the range it can take (to which its
 * confidence intervals are cut).
 *
 * @param name the column stem, e.g. {@code accuracy} ({@code test_accuracy})
 * @param label how the report names it, e.g. {@code accuracy}
 * @param higherIsBetter true for accuracy, false for error rates (WER, CER)
 * @param min the lowest value it can take
 * @param max the highest value it can take ({@code +inf} when unbounded)
 */
public record MetricSpec(
    String name, String label, boolean higherIsBetter, double min, double max) {
  /** Image classification's metric: the fraction of test images classified right. */
  public static final MetricSpec ACCURACY = new MetricSpec("accuracy", "accuracy", true, 0, 1);

  public MetricSpec {
    if (name == null || !name.matches("[A-Za-z][A-Za-z0-9_]*")) {
      throw new IllegalArgumentException(
          "metric name '" + name + "' must be letters, digits and _ (it names CSV columns)");
    }
    if (label == null || label.isBlank()) {
      throw new IllegalArgumentException("metric '" + name + "' needs a label");
    }
    if (Double.isNaN(min) || Double.isNaN(max) || !(min < max)) {
      throw new IllegalArgumentException(
          "metric '" + name + "': min " + min + " must be below max " + max);
    }
  }

  /** The column of its value on the test split, {@code test_<name>}. */
  public String testColumn() {
    return "test_" + name;
  }

  /**
   * The column of its value on a further test split, {@code test_<split>_<name>} (e.g. {@code
   * test_real_wer}).
   */
  public String testColumn(String split) {
    return "test_" + split + "_" + name;
  }

  /** The column of its value on the training split, {@code train_<name>}. */
  public String trainColumn() {
    return "train_" + name;
  }

  /**
   * The value as a minimised coordinate measured from the metric's best end, in the metric's units:
   * {@code max - v} when higher is better (accuracy 0.98 is 0.02, the error rate), {@code v - min}
   * otherwise (a WER stays itself). When that end is unbounded, {@code -v} or {@code v}: distances
   * between minimised values are the same either way.
   */
  public double minimised(double v) {
    double best = higherIsBetter ? max : min;
    if (Double.isInfinite(best)) {
      return higherIsBetter ? -v : v;
    }
    return higherIsBetter ? best - v : v - best;
  }

  /** The worst value it can take: {@code min} when higher is better, else {@code max}. */
  public double worst() {
    return higherIsBetter ? min : max;
  }

  /** {@code d} with its interval cut to the metric's range. */
  public Descriptives cut(Descriptives d) {
    return d.within(min, max);
  }
}
