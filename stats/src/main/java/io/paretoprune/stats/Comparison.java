package io.paretoprune.stats;

/**
 * One test of one metric between two optimizer labels.
 *
 * @param p two-sided p-value, NaN when the test could not run (see note)
 * @param pHolm Holm-adjusted within the metric's family of the same test; filled in later
 * @param note why a test did not run, or why it cannot reach significance at this n
 */
public record Comparison(
    String metric,
    String labelA,
    String labelB,
    String test,
    int n,
    double statistic,
    double p,
    double pHolm,
    double effectSize,
    String effectName,
    String note) {

  Comparison withHolm(double adjusted) {
    return new Comparison(
        metric, labelA, labelB, test, n, statistic, p, adjusted, effectSize, effectName, note);
  }

  Comparison withNote(String extra) {
    String all = note.isEmpty() ? extra : note + "; " + extra;
    return new Comparison(
        metric, labelA, labelB, test, n, statistic, p, pHolm, effectSize, effectName, all);
  }
}
