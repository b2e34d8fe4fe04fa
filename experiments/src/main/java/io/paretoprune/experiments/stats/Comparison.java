package io.paretoprune.experiments.stats;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;

/**
 * One metric compared between two labels: decides pairing by seed, runs the rank test and the
 * t-test, and keeps the notes on pairing and excluded runs.
 *
 * <p>Pairing rule: the runs are paired when both labels were run on the same set of seeds (seeds
 * share initial weights by design). Seeds where one side did not complete, or has no value, drop
 * out of the pairs and the note names them; otherwise (different seed sets) the samples are
 * independent and the unpaired tests run.
 */
record Comparison(
    String metric,
    String labelA,
    String labelB,
    boolean paired,
    int nA,
    int nB,
    TestResult rank,
    TestResult t,
    String context) {

  static Comparison of(String metric, SummaryTable.Sample a, SummaryTable.Sample b) {
    List<String> notes = new ArrayList<>();
    boolean paired = a.allSeeds().equals(b.allSeeds());
    TestResult rank;
    TestResult t;
    int nA;
    int nB;
    if (paired) {
      Set<Long> common = new TreeSet<>(a.bySeed().keySet());
      common.retainAll(b.bySeed().keySet());
      Set<Long> dropped = new TreeSet<>(a.allSeeds());
      dropped.removeAll(common);
      if (!dropped.isEmpty()) {
        notes.add(
            "paired on "
                + common.size()
                + " of "
                + a.allSeeds().size()
                + " seeds (no value on both sides for seed(s) "
                + join(dropped)
                + ")");
      }
      double[] x = common.stream().mapToDouble(s -> a.bySeed().get(s)).toArray();
      double[] y = common.stream().mapToDouble(s -> b.bySeed().get(s)).toArray();
      rank = PairedTests.wilcoxon(x, y);
      t = PairedTests.pairedT(x, y);
      nA = x.length;
      nB = y.length;
    } else {
      notes.add("seed sets differ: unpaired tests");
      double[] x = a.values();
      double[] y = b.values();
      rank = UnpairedTests.mannWhitney(x, y);
      t = UnpairedTests.welch(x, y);
      nA = x.length;
      nB = y.length;
    }
    for (SummaryTable.Sample s : List.of(a, b)) {
      if (!s.exclusionNote().isEmpty()) {
        notes.add(s.label() + ": " + s.exclusionNote());
      }
    }
    return new Comparison(
        metric, a.label(), b.label(), paired, nA, nB, rank, t, String.join("; ", notes));
  }

  /** Why an exact rank test cannot reach significance, or empty. */
  String floorNote(TestResult r, int familySize, double alpha) {
    if (!r.hasP() || Double.isNaN(r.minP())) {
      return "";
    }
    String sizes = paired ? nA + " pairs" : nA + " vs " + nB + " runs";
    String a = Numbers.format(alpha);
    if (r.minP() >= alpha) {
      return "cannot reach p < "
          + a
          + " with "
          + sizes
          + " (min p = "
          + Numbers.format(r.minP())
          + ")";
    }
    double holmFloor = Math.min(1, familySize * r.minP());
    if (holmFloor >= alpha) {
      return "cannot reach Holm-adjusted p < "
          + a
          + " with "
          + sizes
          + " over "
          + familySize
          + " comparisons (min p = "
          + Numbers.format(r.minP())
          + ", times "
          + familySize
          + " = "
          + Numbers.format(holmFloor)
          + ")";
    }
    return "";
  }

  private static String join(Set<Long> seeds) {
    return String.join(", ", seeds.stream().map(String::valueOf).toList());
  }
}
