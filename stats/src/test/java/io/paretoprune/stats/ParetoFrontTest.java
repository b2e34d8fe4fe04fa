package io.paretoprune.stats;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.SplittableRandom;
import java.util.TreeSet;
import org.junit.jupiter.api.Test;

/**
 * The front library against brute force on random point sets: small integer grids (ties and
 * duplicates on purpose) and continuous ones, some with NaN points and points outside the reference
 * box.
 */
class ParetoFrontTest {
  private static final int SETS = 3000;

  private static List<double[][]> randomSets(long seed) {
    SplittableRandom r = new SplittableRandom(seed);
    List<double[][]> sets = new ArrayList<>();
    for (int t = 0; t < SETS; t++) {
      int n = 1 + r.nextInt(9);
      boolean grid = r.nextBoolean();
      List<double[]> pts = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        pts.add(
            grid
                ? new double[] {r.nextInt(6), r.nextInt(6)}
                : new double[] {5 * r.nextDouble(), 5 * r.nextDouble()});
      }
      if (r.nextInt(8) == 0) {
        pts.add(r.nextInt(pts.size() + 1), new double[] {Double.NaN, 1});
      }
      sets.add(pts.toArray(double[][]::new));
    }
    return sets;
  }

  /** Every point that no other point dominates, each value once: by the definition, O(n^2). */
  private static List<List<Double>> bruteFront(double[][] pts) {
    TreeSet<List<Double>> out =
        new TreeSet<>(
            (a, b) ->
                a.get(0).equals(b.get(0))
                    ? a.get(1).compareTo(b.get(1))
                    : a.get(0).compareTo(b.get(0)));
    for (double[] p : pts) {
      if (Double.isNaN(p[0]) || Double.isNaN(p[1])) {
        continue;
      }
      boolean dominated = false;
      for (double[] q : pts) {
        dominated |= q[0] <= p[0] && q[1] <= p[1] && (q[0] < p[0] || q[1] < p[1]);
      }
      if (!dominated) {
        out.add(List.of(p[0], p[1]));
      }
    }
    return new ArrayList<>(out);
  }

  /** The exact area of the union of boxes [p, ref]: every cell of the compressed grid tested. */
  private static double bruteHypervolume(double[][] pts, double[] ref) {
    TreeSet<Double> xs = new TreeSet<>(List.of(ref[0]));
    TreeSet<Double> ys = new TreeSet<>(List.of(ref[1]));
    List<double[]> in = new ArrayList<>();
    for (double[] p : pts) {
      if (p[0] < ref[0] && p[1] < ref[1]) {
        in.add(p);
        xs.add(p[0]);
        ys.add(p[1]);
      }
    }
    Double[] x = xs.toArray(Double[]::new);
    Double[] y = ys.toArray(Double[]::new);
    double area = 0;
    for (int i = 0; i + 1 < x.length; i++) {
      for (int j = 0; j + 1 < y.length; j++) {
        double cx = (x[i] + x[i + 1]) / 2;
        double cy = (y[j] + y[j + 1]) / 2;
        if (in.stream().anyMatch(p -> p[0] <= cx && p[1] <= cy)) {
          area += (x[i + 1] - x[i]) * (y[j + 1] - y[j]);
        }
      }
    }
    return area;
  }

  @Test
  void nonDominatedIsTheBruteForceFrontSortedByX() {
    for (double[][] pts : randomSets(1)) {
      int[] idx = ParetoFront.nonDominated(pts);
      List<List<Double>> got = new ArrayList<>();
      for (int i : idx) {
        got.add(List.of(pts[i][0], pts[i][1]));
      }
      assertEquals(bruteFront(pts), got, Arrays.deepToString(pts));
      for (int k = 0; k + 1 < idx.length; k++) {
        assertTrue(pts[idx[k]][0] < pts[idx[k + 1]][0] && pts[idx[k]][1] > pts[idx[k + 1]][1]);
      }
    }
  }

  @Test
  void hypervolumeIsTheExactUnionOfBoxes() {
    SplittableRandom r = new SplittableRandom(2);
    for (double[][] pts : randomSets(2)) {
      double[] ref = {1 + 4.5 * r.nextDouble(), r.nextBoolean() ? 4.5 : 3};
      assertEquals(
          bruteHypervolume(pts, ref),
          ParetoFront.hypervolume(pts, ref),
          1e-9,
          Arrays.deepToString(pts) + " ref " + Arrays.toString(ref));
    }
  }

  @Test
  void contributionIsTheAreaAddedAndZeroWhenDominated() {
    SplittableRandom r = new SplittableRandom(3);
    double[] ref = {5, 5};
    for (double[][] pts : randomSets(3)) {
      double[][] front = ParetoFront.front(pts);
      double[] p = {5 * r.nextDouble(), 5 * r.nextDouble()};
      double[][] with = Arrays.copyOf(pts, pts.length + 1);
      with[pts.length] = p;
      double c = ParetoFront.contribution(front, p, ref);
      assertEquals(bruteHypervolume(with, ref) - bruteHypervolume(pts, ref), c, 1e-9);
      if (ParetoFront.weaklyDominated(front, p)) {
        assertEquals(0, c, 1e-12);
      }
    }
  }

  @Test
  void chordKneeIsTheFarthestFromTheNormalisedChord() {
    for (double[][] pts : randomSets(4)) {
      double[][] front = ParetoFront.front(pts);
      int knee = ParetoFront.chordKnee(front);
      if (front.length < 3) {
        assertEquals(-1, knee);
        continue;
      }
      // Exhaustively, by the projection onto the chord's direction (another formula).
      double[] lo = {Double.MAX_VALUE, Double.MAX_VALUE};
      double[] hi = {-Double.MAX_VALUE, -Double.MAX_VALUE};
      for (double[] p : front) {
        for (int k = 0; k < 2; k++) {
          lo[k] = Math.min(lo[k], p[k]);
          hi[k] = Math.max(hi[k], p[k]);
        }
      }
      double[][] n = new double[front.length][];
      for (int i = 0; i < front.length; i++) {
        n[i] =
            new double[] {
              (front[i][0] - lo[0]) / (hi[0] - lo[0]), (front[i][1] - lo[1]) / (hi[1] - lo[1])
            };
      }
      double[] a = n[0];
      double[] u = {n[n.length - 1][0] - a[0], n[n.length - 1][1] - a[1]};
      double len = Math.hypot(u[0], u[1]);
      double best = -1;
      for (int i = 1; i + 1 < n.length; i++) {
        double vx = n[i][0] - a[0];
        double vy = n[i][1] - a[1];
        double along = (vx * u[0] + vy * u[1]) / len;
        best = Math.max(best, vx * vx + vy * vy - along * along); // squared
      }
      double[] k = n[knee];
      double vx = k[0] - a[0];
      double vy = k[1] - a[1];
      double along = (vx * u[0] + vy * u[1]) / len;
      assertTrue(knee > 0 && knee < front.length - 1);
      assertEquals(best, vx * vx + vy * vy - along * along, 1e-9);
    }
  }

  @Test
  void papersKneeIsTheLessPenalisedEndOfTheLargestRatioJump() {
    SplittableRandom r = new SplittableRandom(5);
    for (int t = 0; t < SETS; t++) {
      int n = 1 + r.nextInt(8);
      double[] c2 = new double[n];
      double[] c1 = new double[n];
      for (int i = 0; i < n; i++) {
        c2[i] = r.nextInt(5) == 0 ? 0 : Math.pow(10, -5 + 4 * r.nextDouble());
        c1[i] = 1 - c2[i];
      }
      int knee = ParetoFront.paperKnee(c1, c2);
      // Exhaustively: every pair of neighbours among the points with a finite ratio.
      List<Integer> finite = new ArrayList<>();
      for (int i = 0; i < n; i++) {
        if (c2[i] > 0) {
          finite.add(i);
        }
      }
      if (finite.size() < 2) {
        assertEquals(-1, knee);
        continue;
      }
      double largest = 0;
      for (int k = 0; k + 1 < finite.size(); k++) {
        double ra = c1[finite.get(k)] / c2[finite.get(k)];
        double rb = c1[finite.get(k + 1)] / c2[finite.get(k + 1)];
        largest = Math.max(largest, Math.abs(Math.log(ra / rb)));
      }
      int at = finite.indexOf(knee);
      assertTrue(at >= 0);
      double ratio = c1[knee] / c2[knee];
      boolean found = false;
      for (int nb : new int[] {at - 1, at + 1}) {
        if (nb >= 0 && nb < finite.size()) {
          double other = c1[finite.get(nb)] / c2[finite.get(nb)];
          found |= Math.abs(Math.abs(Math.log(ratio / other)) - largest) < 1e-9 && ratio >= other;
        }
      }
      assertTrue(found, Arrays.toString(c2) + " -> " + knee);
    }
  }

  @Test
  void signedDistanceIsTheNearestPointOfThePolyline() {
    SplittableRandom r = new SplittableRandom(6);
    for (double[][] pts : randomSets(6)) {
      double[][] front = ParetoFront.front(pts);
      if (front.length == 0) {
        continue;
      }
      double[] p = {5 * r.nextDouble(), 5 * r.nextDouble()};
      double near = Math.hypot(p[0] - front[0][0], p[1] - front[0][1]);
      for (int i = 0; i + 1 < front.length; i++) {
        for (int s = 0; s <= 2000; s++) { // sampled: never below the true distance
          double t = s / 2000.0;
          near =
              Math.min(
                  near,
                  Math.hypot(
                      p[0] - (front[i][0] + t * (front[i + 1][0] - front[i][0])),
                      p[1] - (front[i][1] + t * (front[i + 1][1] - front[i][1]))));
        }
      }
      double d = ParetoFront.signedDistance(front, p);
      assertEquals(near, Math.abs(d), 5e-3);
      assertTrue(Math.abs(d) <= near + 1e-12);
      assertTrue(ParetoFront.weaklyDominated(front, p) ? d >= 0 : d <= 0, "sign of " + d);
    }
  }

  @Test
  void handComputedCases() {
    double[][] f = {{0.1, 0.10}, {0.3, 0.05}, {0.8, 0.02}};
    assertEquals(0.851, ParetoFront.hypervolume(f, new double[] {1, 1}), 1e-12);
    assertEquals(
        0.017, ParetoFront.contribution(f, new double[] {0.2, 0.03}, new double[] {1, 1}), 1e-12);
    assertEquals(0, ParetoFront.contribution(f, new double[] {1.2, 0.0}, new double[] {1, 1}));
    assertArrayEquals(
        new int[] {1, 0}, ParetoFront.nonDominated(new double[][] {{2, 1}, {1, 2}, {2, 2}}));
    assertEquals(0, ParetoFront.hypervolume(new double[][] {{1, Double.NaN}}, new double[] {2, 2}));
    assertEquals(Double.NaN, ParetoFront.signedDistance(new double[0][], new double[] {0, 0}));
  }
}
