package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.stats.MetricSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.data.Range;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A search of three seeds per weighting (pareto.csv a row per seed, pareto-means.csv the means with
 * their intervals, as {@code pareto} writes them): the figures draw the means with bars and the
 * seeds faintly, the table and the front are the means'.
 */
class ReportSeededParetoTest {
  @TempDir Path tmp;

  /** c2, and per seed (f1, f2, accuracy, nonzeros). */
  static final double[][] RUNS = {
    {0, 0.05, 3800, 0.988, 53000, 0.06, 3700, 0.986, 52000, 0.04, 3900, 0.990, 54000},
    {1e-4, 0.06, 900, 0.980, 12000, 0.07, 1000, 0.976, 13000, 0.05, 800, 0.984, 11000},
    {1e-3, 0.12, 200, 0.950, 1500, 0.13, 250, 0.940, 1800, 0.11, 150, 0.960, 1200},
  };

  /** The 95% t interval's half width of three values whose sd is {@code sd}. */
  static double half(double sd) {
    return 4.302652729911275 * sd / Math.sqrt(3);
  }

  static Path write(Path root) throws Exception {
    Path dir = root.resolve("seeded");
    Path p = dir.resolve("pareto");
    Files.createDirectories(p);
    StringBuilder csv =
        new StringBuilder(
            "search,order,seed,c1,c2,f1,f2,dominated,knee_paper,knee_chord,test_accuracy,"
                + "dense_nonzeros\n");
    StringBuilder means =
        new StringBuilder(
            "search,order,c1,c2,seeds,f1,f1_ci_low,f1_ci_high,f2,f2_ci_low,f2_ci_high,dominated,"
                + "knee_paper,knee_chord,test_accuracy,test_accuracy_ci_low,test_accuracy_ci_high,"
                + "dense_nonzeros,dense_nonzeros_ci_low,dense_nonzeros_ci_high\n");
    for (int w = 0; w < RUNS.length; w++) {
      double[] r = RUNS[w];
      String knee = w == 1 ? "true" : "false";
      for (int s = 0; s < 3; s++) {
        csv.append(
            String.format(
                Locale.ROOT,
                "sweep,%d,%d,%s,%s,%s,%s,false,false,%s,%s,%s%n",
                w + 1,
                s + 1,
                1 - r[0],
                r[0],
                r[1 + 4 * s],
                r[2 + 4 * s],
                knee,
                r[3 + 4 * s],
                r[4 + 4 * s]));
      }
      // Seeds 2 and 3 sit symmetrically around seed 1 in every figure: the mean is seed 1's.
      StringBuilder m = new StringBuilder();
      for (int k = 1; k <= 4; k++) {
        double mean = r[k];
        double h = half(Math.abs(r[k + 4] - r[k]));
        m.append(String.format(Locale.ROOT, ",%s,%s,%s", mean, mean - h, mean + h));
        if (k == 2) {
          m.append(",false,false,").append(knee);
        }
      }
      means.append(String.format(Locale.ROOT, "sweep,%d,%s,%s,3%s%n", w + 1, 1 - r[0], r[0], m));
    }
    Files.writeString(p.resolve("pareto.csv"), csv);
    Files.writeString(p.resolve(ParetoResults.MEANS), means);
    Files.writeString(
        p.resolve("pareto.json"),
        "{\"search\": \"sweep\", \"evaluations\": 3, \"hypervolume\": 100.0,"
            + " \"reference\": [0.15, 4200.0], \"knee\": \"chord\", \"seeds\": [1, 2, 3]}");
    return dir;
  }

  @Test
  void theFiguresDrawTheMeansWithBarsAndTheSeedsFaintly() throws Exception {
    Path dir = write(tmp);
    String html = Files.readString(ReportWriter.write(dir));
    assertTrue(html.contains("sweep search · 3 weightings x 3 seeds"), html);
    assertTrue(html.contains("Each point is the mean of its weighting&#39;s 3 seeds"), html);
    for (String f : new String[] {"pareto-objectives", "pareto-accuracy"}) {
      String svg = Files.readString(dir.resolve("report/figures/" + f + ".svg"));
      assertTrue(svg.contains(">mean of 3 seeds, 95% t interval<"), f);
      assertTrue(
          svg.contains(">one seed&apos;s run (faint)<") || svg.contains(">one seed's run (faint)<"),
          f);
    }
    // One row per weighting, its means with the intervals in brackets.
    assertEquals(3, count(html, "<tr><td>\\d+</td><td>"));
    String acc =
        String.format(Locale.ROOT, "0.9800 (%.4f–%.4f)", 0.980 - half(0.004), 0.980 + half(0.004));
    assertTrue(html.contains(acc), acc + " in " + html);
    assertTrue(
        html.contains(
            "The knee (c2 = 1e-4) over 3 seeds, mean (95% t interval): test" + " accuracy " + acc),
        html);
    assertFalse(html.contains("<td>0.9760</td>"), "a seed's run is not a row of the table");
  }

  @Test
  void theMetricAxisTakesInEverySeedsRunAndEveryIntervalBar() throws Exception {
    // The means span 0.950-0.988; seed runs reach 0.990 and the c2 = 1e-3 bar 0.950 -/+ 0.025.
    ParetoResults p = ParetoResults.read(write(tmp));
    Range r = new ParetoFigures(p).metric().getXYPlot().getRangeAxis().getRange();
    for (ParetoResults.Point q : p.seedPoints()) {
      assertTrue(r.contains(q.value()), "seed run " + q.value() + " clipped by " + r);
    }
    for (ParetoResults.Point q : p.points()) {
      for (double end : q.bars().value()) {
        assertTrue(r.contains(end), "interval end " + end + " clipped by " + r);
      }
    }
    assertTrue(r.getUpperBound() <= 1, r.toString());
  }

  @Test
  void aKneeRetrainedOncePerSeedIsReportedAsTheirMeanNotOneSeedsRun() throws Exception {
    Path dir = write(tmp);
    Path runs = dir.resolve("pareto/runs");
    double[] acc = {0.97, 0.96, 0.98};
    for (int s = 1; s <= 3; s++) {
      Path run = runs.resolve("knee-c2_0.000100000-s" + s);
      Files.createDirectories(run);
      Files.writeString(
          run.resolve("manifest.json"),
          "{\"runId\": \"knee-c2_0.000100000-s"
              + s
              + "\", \"epochs\": 2,"
              + " \"optimizerSettings\": {\"weights\": [0.9999, 1.0e-4]}}");
      Files.writeString(
          run.resolve("epochs.csv"),
          String.format(
              Locale.ROOT,
              "epoch,test_accuracy,dense_nonzeros,dense_size%n1,0.9,20000,61470%n2,%s,%d,61470%n",
              acc[s - 1],
              10000 + 1000 * s));
    }
    double h = half(0.01);
    Files.writeString(
        dir.resolve("pareto/pareto.json"),
        String.format(
            Locale.ROOT,
            "{\"search\": \"sweep\", \"knee\": \"chord\", \"seeds\": [1, 2, 3],"
                + " \"retrained\": {\"rule\": \"chord\", \"epochs\": 2, \"point\": {\"c1\":"
                + " 0.9999, \"c2\": 1.0e-4, \"f1\": 0.05, \"f2\": 900, \"payload\":"
                + " {\"test_accuracy\": 0.97, \"dense_nonzeros\": 12000}}, \"interval\":"
                + " {\"test_accuracy\": {\"n\": 3, \"mean\": 0.97, \"sd\": 0.01, \"ciLow\": %s,"
                + " \"ciHigh\": %s}, \"dense_nonzeros\": {\"n\": 3, \"mean\": 12000,"
                + " \"sd\": 1000, \"ciLow\": %s, \"ciHigh\": %s}}}}",
            0.97 - h,
            0.97 + h,
            12000 - 100 * h * 1000,
            12000 + 100 * h * 1000));
    String html = Files.readString(ReportWriter.write(dir));
    String expected =
        String.format(
            Locale.ROOT,
            "The knee was retrained for 2 epochs once per seed, mean (95%% t interval) over 3"
                + " seeds: test accuracy 0.9700 (%.4f–%.4f)",
            0.97 - h,
            0.97 + h);
    assertTrue(html.contains(expected), expected + " in " + html);
    assertFalse(html.contains("test accuracy 0.9800, 13"), "seed 3's run is not the knee");
  }

  @Test
  void aFrontOfSeveralSeedsPlacesMethodsOnItsMeans() throws Exception {
    Path dir = write(tmp);
    Front f = Front.read(dir, MetricSpec.ACCURACY);
    assertEquals(3, f.points().size());
    assertEquals(0.980, f.points().get(1).value(), 1e-12);
    assertEquals(12000, f.points().get(1).nonzeros(), 1e-9);
    assertEquals(1e-4, f.knee().c2(), 1e-15);
  }

  private static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
