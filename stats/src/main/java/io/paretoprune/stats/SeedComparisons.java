package io.paretoprune.stats;

import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import org.apache.commons.statistics.inference.DataDispersion;
import org.apache.commons.statistics.inference.MannWhitneyUTest;
import org.apache.commons.statistics.inference.PValueMethod;
import org.apache.commons.statistics.inference.TTest;
import org.apache.commons.statistics.inference.WilcoxonSignedRankTest;

/**
 * The tests for two optimizers' results over seeds. Paired when the seeds share initial weights
 * (Wilcoxon signed-rank, exact where there are no ties or zeros; paired t), unpaired otherwise
 * (Mann-Whitney U, exact where possible; Welch t).
 */
public final class SeedComparisons {
  static final double ALPHA = 0.05;

  private SeedComparisons() {}

  public static List<Comparison> paired(String metric, String a, String b, double[] x, double[] y) {
    int n = x.length;
    double[] d = new double[n];
    for (int i = 0; i < n; i++) {
      d[i] = x[i] - y[i];
    }
    long nonzero = Arrays.stream(d).filter(v -> v != 0).count();
    Comparison w;
    if (n < 2 || nonzero == 0) {
      w =
          skipped(
              metric,
              a,
              b,
              "wilcoxon-signed-rank",
              n,
              n < 2 ? "too few pairs (n = " + n + ")" : "all differences are zero");
    } else {
      WilcoxonSignedRankTest.Result r =
          WilcoxonSignedRankTest.withDefaults().with(PValueMethod.AUTO).test(x, y);
      boolean exact = !r.hasTiedValues() && !r.hasZeroValues();
      String note =
          exact
              ? floorNote(Math.pow(2, 1 - n), n + " pairs")
              : "ties or zero differences: normal approximation";
      w =
          new Comparison(
              metric,
              a,
              b,
              "wilcoxon-signed-rank",
              n,
              r.getStatistic(),
              r.getPValue(),
              Double.NaN,
              rankBiserialPaired(d),
              "rank-biserial",
              note);
    }
    Comparison t;
    Descriptives dd = Descriptives.of(d);
    if (n < 2 || !(dd.sd() > 0)) {
      t =
          skipped(
              metric,
              a,
              b,
              "paired-t",
              n,
              n < 2 ? "too few pairs (n = " + n + ")" : "the differences do not vary");
    } else {
      TTest.Result r = TTest.withDefaults().pairedTest(x, y);
      t =
          new Comparison(
              metric,
              a,
              b,
              "paired-t",
              n,
              r.getStatistic(),
              r.getPValue(),
              Double.NaN,
              dd.mean() / dd.sd(),
              "cohen-dz",
              "");
    }
    return List.of(w, t);
  }

  public static List<Comparison> unpaired(
      String metric, String a, String b, double[] x, double[] y) {
    int n = x.length + y.length;
    Comparison u;
    if (x.length < 1 || y.length < 1 || n < 3) {
      u =
          skipped(
              metric,
              a,
              b,
              "mann-whitney-u",
              n,
              "too few runs (" + x.length + " and " + y.length + ")");
    } else {
      MannWhitneyUTest.Result r =
          MannWhitneyUTest.withDefaults().with(PValueMethod.AUTO).test(x, y);
      String note =
          r.hasTiedValues()
              ? "ties: normal approximation"
              : floorNote(2 / binomial(n, x.length), x.length + " and " + y.length + " runs");
      double effect = 1 - 2 * r.getStatistic() / ((double) x.length * y.length);
      u =
          new Comparison(
              metric,
              a,
              b,
              "mann-whitney-u",
              n,
              r.getStatistic(),
              r.getPValue(),
              Double.NaN,
              -effect,
              "rank-biserial",
              note);
    }
    Comparison t;
    Descriptives dx = Descriptives.of(x);
    Descriptives dy = Descriptives.of(y);
    if (x.length < 2 || y.length < 2 || !(dx.sd() > 0 || dy.sd() > 0)) {
      t =
          skipped(
              metric,
              a,
              b,
              "welch-t",
              n,
              x.length < 2 || y.length < 2
                  ? "too few runs (" + x.length + " and " + y.length + ")"
                  : "no variation in either group");
    } else {
      TTest.Result r = TTest.withDefaults().with(DataDispersion.HETEROSCEDASTIC).test(x, y);
      double pooled =
          Math.sqrt(
              ((x.length - 1) * dx.sd() * dx.sd() + (y.length - 1) * dy.sd() * dy.sd())
                  / (x.length + y.length - 2));
      t =
          new Comparison(
              metric,
              a,
              b,
              "welch-t",
              n,
              r.getStatistic(),
              r.getPValue(),
              Double.NaN,
              (dx.mean() - dy.mean()) / pooled,
              "cohen-d",
              "");
    }
    return List.of(u, t);
  }

  /** Matched-pairs rank-biserial correlation: (W+ - W-) / (W+ + W-), zeros dropped. */
  static double rankBiserialPaired(double[] d) {
    double[] abs = Arrays.stream(d).filter(v -> v != 0).map(Math::abs).toArray();
    double[] signs = Arrays.stream(d).filter(v -> v != 0).map(Math::signum).toArray();
    double[] ranks = midRanks(abs);
    double plus = 0;
    double minus = 0;
    for (int i = 0; i < ranks.length; i++) {
      if (signs[i] > 0) {
        plus += ranks[i];
      } else {
        minus += ranks[i];
      }
    }
    return (plus - minus) / (plus + minus);
  }

  static double[] midRanks(double[] v) {
    Integer[] order = new Integer[v.length];
    for (int i = 0; i < v.length; i++) {
      order[i] = i;
    }
    Arrays.sort(order, (i, j) -> Double.compare(v[i], v[j]));
    double[] ranks = new double[v.length];
    for (int i = 0; i < v.length; ) {
      int j = i;
      while (j + 1 < v.length && v[order[j + 1]] == v[order[i]]) {
        j++;
      }
      for (int k = i; k <= j; k++) {
        ranks[order[k]] = (i + j) / 2.0 + 1;
      }
      i = j + 1;
    }
    return ranks;
  }

  /** A note when the exact test's smallest possible p-value is not below alpha. */
  static String floorNote(double minP, String what) {
    return minP >= ALPHA
        ? String.format(
            Locale.ROOT, "cannot reach p < %.2f with %s (min p = %.4f)", ALPHA, what, minP)
        : "";
  }

  static double binomial(int n, int k) {
    double c = 1;
    for (int i = 1; i <= k; i++) {
      c = c * (n - k + i) / i;
    }
    return c;
  }

  private static Comparison skipped(
      String metric, String a, String b, String test, int n, String why) {
    return new Comparison(
        metric, a, b, test, n, Double.NaN, Double.NaN, Double.NaN, Double.NaN, "", why);
  }
}
