package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * "Where each method lands" against a three-point front, checked against numbers worked out by hand
 * in (x, y) = (nonzeros / 1000, 1 - accuracy), reference point (1, 1).
 *
 * <p>Front A (acc 0.90, 100 nonzeros) = (0.1, 0.10), B (0.95, 300) = (0.3, 0.05), C (0.98, 800) =
 * (0.8, 0.02); the search's knee is B. HV(front) = 0.2 * 0.90 + 0.5 * 0.95 + 0.2 * 0.98 = 0.851.
 *
 * <p>M1, seeds (0.96, 150) and (0.98, 250), mean (0.97, 200) = (0.2, 0.03): dominates B, so
 * HV(front + M1) = 0.1 * 0.90 + 0.6 * 0.97 + 0.2 * 0.98 = 0.868 and its contribution 0.017. Its
 * nearest front point lies on segment AB: |cross((0.2, -0.05), (0.1, -0.07))| / |(0.2, -0.05)| =
 * 0.009 / sqrt(0.0425) = 0.0436564 (4.36564 points), ahead of the front (negative). To the knee B:
 * sqrt(0.1^2 + 0.02^2) = 0.1019804 (10.19804 points).
 *
 * <p>M2, seeds (0.92, 450) and (0.94, 550), mean (0.93, 500) = (0.5, 0.07): dominated by B,
 * contribution 0; nearest on segment BC: cross((0.5, -0.03), (0.2, 0.02)) = 0.016, / sqrt(0.2509) =
 * 0.0319425 (3.19425 points behind). To B: sqrt(0.2^2 + 0.02^2) = 0.2009975 (20.09975 points).
 */
class ReportLandingTest {
  @TempDir Path tmp;

  static Path suite(Path root) throws Exception {
    Path dir = root.resolve("methods");
    Files.createDirectories(dir);
    String head =
        "run_id,label,optimizer,pruning,seed,status,epochs,diverged_at_epoch,test_accuracy,"
            + "train_accuracy,dense_nonzeros,dense_size,dense_sparsity,wall_seconds\n";
    Files.writeString(
        dir.resolve("summary.csv"),
        head
            + "M1-s1,M1,smgd,threshold,1,completed,3,0,0.96,0.97,150,1000,0.85,1\n"
            + "M1-s2,M1,smgd,threshold,2,completed,3,0,0.98,0.99,250,1000,0.75,1\n"
            + "M2-s1,M2,madam,threshold,1,completed,3,0,0.92,0.93,450,1000,0.55,1\n"
            + "M2-s2,M2,madam,threshold,2,completed,3,0,0.94,0.95,550,1000,0.45,1\n"
            + "M2-s3,M2,madam,threshold,3,diverged,1,1,0.10,0.10,5,1000,0.99,1\n");
    return dir;
  }

  static Path front(Path root) throws Exception {
    Path p = root.resolve("front").resolve("pareto");
    Files.createDirectories(p);
    Files.writeString(
        p.resolve("pareto.csv"),
        "search,order,c1,c2,f1,f2,dominated,knee_paper,knee_chord,test_accuracy,dense_nonzeros\n"
            + "sweep,1,0.99,0.01,0.30,10,false,false,false,0.90,100\n"
            + "sweep,2,0.999,0.001,0.15,30,false,false,true,0.95,300\n"
            + "sweep,3,0.9999,0.0001,0.06,80,false,true,false,0.98,800\n");
    Files.writeString(p.resolve("pareto.json"), "{\"search\": \"sweep\", \"knee\": \"chord\"}");
    return root.resolve("front");
  }

  @Test
  void tableNumbersMatchTheHandComputedOnes() throws Exception {
    Path dir = suite(tmp);
    Path index = ReportWriter.write(dir, front(tmp));
    Table t = Table.read().csv(dir.resolve("report/landing.csv").toFile());
    assertEquals(2, t.rowCount());
    assertEquals("M1", t.getString(0, "label"));
    assertEquals(2, t.intColumn("seeds").get(0));
    assertEquals(0.97, t.numberColumn("test_accuracy_mean").getDouble(0), 1e-12);
    assertEquals(200, t.numberColumn("dense_nonzeros_mean").getDouble(0), 1e-9);
    assertEquals(0.017, t.numberColumn("hv_contribution").getDouble(0), 1e-12);
    assertEquals(-4.36564, t.numberColumn("distance_to_front_pp").getDouble(0), 1e-5);
    assertEquals(10.19804, t.numberColumn("distance_to_knee_pp").getDouble(0), 1e-5);
    assertEquals("false", t.getString(0, "dominated_by_front"));
    // 0.97 - 0.95 and 1 - 200 / 1000
    assertEquals(2.0, t.numberColumn("accuracy_minus_knee_pp").getDouble(0), 1e-9);
    assertEquals(80.0, t.numberColumn("dense_sparsity_pct").getDouble(0), 1e-9);
    assertEquals(0.93, t.numberColumn("test_accuracy_mean").getDouble(1), 1e-12);
    assertEquals(500, t.numberColumn("dense_nonzeros_mean").getDouble(1), 1e-9);
    assertEquals(0, t.numberColumn("hv_contribution").getDouble(1), 1e-12);
    assertEquals(3.19425, t.numberColumn("distance_to_front_pp").getDouble(1), 1e-5);
    assertEquals(20.09975, t.numberColumn("distance_to_knee_pp").getDouble(1), 1e-5);
    assertEquals("true", t.getString(1, "dominated_by_front"));
    // The 95% t interval of two seeds: mean +- t(0.975, 1) * sd / sqrt 2 = 0.97 +- 12.7062 * 0.01.
    assertEquals(0.97 - 0.127062, t.numberColumn("test_accuracy_ci_low").getDouble(0), 1e-5);
    // ... whose upper end, 1.097, is cut to the accuracy's range; the nonzeros' interval, 200 +-
    // 12.7062 * 70.71 / sqrt 2 = 200 +- 635.3, to [0, 1000 dense weights]; 500 +- 635.3 likewise.
    assertEquals(1.0, t.numberColumn("test_accuracy_ci_high").getDouble(0), 1e-12);
    assertEquals(0.0, t.numberColumn("dense_nonzeros_ci_low").getDouble(0), 1e-12);
    assertEquals(200 + 635.31, t.numberColumn("dense_nonzeros_ci_high").getDouble(0), 0.01);
    assertEquals(0.0, t.numberColumn("dense_nonzeros_ci_low").getDouble(1), 1e-12);
    assertEquals(1000.0, t.numberColumn("dense_nonzeros_ci_high").getDouble(1), 1e-12);

    String html = Files.readString(index);
    assertTrue(html.contains("<h2>Where each method lands</h2>"));
    assertTrue(html.contains("id=\"fig-landing\""));
    assertTrue(
        html.contains(
            "<td>0.017</td><td>-4.37 <span class=ci>ahead</span></td><td>10.20</td><td>2.00</td><td>80.00</td>"),
        html);
    assertTrue(
        html.contains(
            "<td>0</td><td>3.19 <span class=ci>behind</span></td><td>20.10</td><td>-2.00</td><td>50.00</td>"),
        html);
    assertTrue(html.contains("reference point (1, 1)"));
    String svg = Files.readString(dir.resolve("report/figures/landing.svg"));
    assertTrue(svg.contains(">M1 (2 seeds): mean, 95% CI<"), svg);
    assertTrue(svg.contains(">M2 (2 seeds): mean, 95% CI<"));
    assertTrue(svg.contains(">knee (chord rule)<"), svg);
  }

  @Test
  void geometryHelpers() {
    List<double[]> f =
        List.of(new double[] {0.1, 0.10}, new double[] {0.3, 0.05}, new double[] {0.8, 0.02});
    double[] ref = {1, 1};
    assertEquals(0.851, Landing.hypervolume(f, ref), 1e-12);
    assertEquals(0.017, Landing.contribution(f, new double[] {0.2, 0.03}, ref), 1e-12);
    assertEquals(0, Landing.contribution(f, new double[] {0.5, 0.07}, ref), 1e-12);
    // a point outside the reference box adds nothing
    assertEquals(0, Landing.contribution(f, new double[] {1.2, 0.0}, ref), 1e-12);
    assertEquals(-0.0436564, Landing.signedDistance(f, new double[] {0.2, 0.03}), 1e-7);
    assertEquals(0.0319425, Landing.signedDistance(f, new double[] {0.5, 0.07}), 1e-7);
    // a front point itself is on the front, dominated by itself: distance 0
    assertEquals(0, Landing.signedDistance(f, new double[] {0.3, 0.05}), 1e-12);
  }

  @Test
  void aMethodThatCollapsedIsDrawnOnTheLowerEdgeAndSaidSo() throws Exception {
    Path dir = tmp.resolve("collapsing");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("summary.csv"),
        "run_id,label,optimizer,pruning,seed,status,epochs,diverged_at_epoch,test_accuracy,"
            + "train_accuracy,dense_nonzeros,dense_size,dense_sparsity,wall_seconds\n"
            + "M1-s1,M1,smgd,threshold,1,completed,3,0,0.96,0.97,150,1000,0.85,1\n"
            + "M3-s1,M3,pcgrad,threshold,1,completed,3,0,0.10,0.10,8,1000,0.99,1\n"
            + "M3-s2,M3,pcgrad,threshold,2,completed,3,0,0.10,0.10,12,1000,0.99,1\n");
    ReportWriter.write(dir, front(tmp));
    String svg = Files.readString(dir.resolve("report/figures/landing.svg"));
    // half the best accuracy (0.98, the front's) is 0.49: M3's mean 0.10 lies below the axis
    assertTrue(svg.contains("1 method (mean) collapsed (test accuracy below 0.49"), svg);
    assertFalse(svg.contains("weighting collapsed"), svg);
  }

  @Test
  void withoutAggregateCsvTheResultsTableCutsIntervalsAsAggregateCsvDoes() throws Exception {
    Path dir = tmp.resolve("no-aggregate");
    Files.createDirectories(dir);
    // accuracy 0.999 and 0.98: mean 0.9895 +- 12.7062 * 0.013435 / sqrt 2 = [0.8688, 1.1102];
    // nonzeros 10 and 90: 50 +- 508.2, whose lower end is cut to 0
    Files.writeString(
        dir.resolve("summary.csv"),
        "run_id,label,optimizer,pruning,seed,status,epochs,diverged_at_epoch,test_accuracy,"
            + "train_accuracy,dense_nonzeros,dense_size,dense_sparsity,wall_seconds\n"
            + "M1-s1,M1,smgd,threshold,1,completed,3,0,0.999,0.99,10,1000,0.99,1\n"
            + "M1-s2,M1,smgd,threshold,2,completed,3,0,0.98,0.99,90,1000,0.91,1\n");
    String html = Files.readString(ReportWriter.write(dir));
    assertTrue(html.contains("0.9895 <span class=ci>[0.8688, 1.0000]</span>"), html);
    assertTrue(html.contains("50 <span class=ci>[0, 558]</span>"), html);
  }

  @Test
  void aSuiteOfWeightedSumRunsIsAFrontToo() throws Exception {
    Path dir = suite(tmp);
    Path ws = tmp.resolve("ws");
    Files.createDirectories(ws);
    Files.writeString(
        ws.resolve("summary.csv"),
        "run_id,label,optimizer,pruning,seed,status,epochs,diverged_at_epoch,test_accuracy,"
            + "train_accuracy,dense_nonzeros,dense_size\n"
            + "a-s1,a,weighted,threshold,1,completed,3,0,0.90,0.9,100,1000\n"
            + "b-s1,b,weighted,threshold,1,completed,3,0,0.95,0.9,300,1000\n"
            + "c-s1,c,weighted,threshold,1,completed,3,0,0.98,0.9,800,1000\n");
    ReportWriter.write(dir, ws);
    Table t = Table.read().csv(dir.resolve("report/landing.csv").toFile());
    // the same front as the search's; its chord knee (computed here) is B again
    assertEquals(0.017, t.numberColumn("hv_contribution").getDouble(0), 1e-12);
    assertEquals(10.19804, t.numberColumn("distance_to_knee_pp").getDouble(0), 1e-5);
  }

  @Test
  void aFrontFolderWithoutAFrontIsOneLineNamingTheFile() throws Exception {
    Path dir = suite(tmp);
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(dir, empty));
    assertTrue(
        e.getMessage().startsWith(empty.resolve("pareto/pareto.csv") + ": not found"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    // a suite that is not made of weighted sums is no front
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir, dir));
    assertTrue(
        e.getMessage().startsWith(dir.resolve("summary.csv") + ": not a front"), e.getMessage());
    // a search without accuracy columns has no front in accuracy and nonzeros
    Path p = tmp.resolve("bare/pareto");
    Files.createDirectories(p);
    Files.writeString(
        p.resolve("pareto.csv"), "search,order,c1,c2,f1,f2,dominated\nsweep,1,1,0,0.1,10,false\n");
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir, tmp.resolve("bare")));
    assertTrue(e.getMessage().startsWith(p.resolve("pareto.csv") + ": no test_accuracy"));
  }
}
