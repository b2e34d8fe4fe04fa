package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Graphics2D;
import java.awt.geom.Rectangle2D;
import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.jfree.chart.JFreeChart;
import org.jfree.chart.axis.AxisState;
import org.jfree.chart.axis.NumberTick;
import org.jfree.chart.axis.ValueAxis;
import org.jfree.chart.ui.RectangleEdge;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Tick labels read like a paper's; epochs are whole; legends name the seed counts. */
class ReportAxesTest {
  @TempDir Path tmp;

  private static final Pattern TEXT = Pattern.compile("<text[^>]*>([^<]*)</text>");

  @Test
  void noPowerOfTenOrExponentNotationInAnyFigure() throws Exception {
    Path suite = ResultsFixture.write(tmp, "demo", true);
    ReportWriter.write(suite);
    Path pareto = ParetoFixture.write(tmp, "search", "chord", true);
    ReportWriter.write(pareto);
    int figures = 0;
    for (Path dir : List.of(suite, pareto)) {
      for (Path svg : Files.list(dir.resolve("report/figures")).toList()) {
        String s = Files.readString(svg);
        figures++;
        assertFalse(s.contains("10^"), svg + " has a 10^ label");
        assertFalse(s.contains("baseline-shift") || s.contains("super"), svg + " superscripts");
        Matcher m = TEXT.matcher(s);
        while (m.find()) {
          String t = m.group(1);
          assertFalse(t.matches(".*\\d[.]?\\d*E-?\\d+.*"), svg + ": '" + t + "'");
        }
      }
    }
    assertEquals(8 + 4, figures);
  }

  @Test
  void plainNumbersAtOneTwoFiveSteps() {
    assertEquals("3e-4", Axes.plain(0.0003));
    assertEquals("1e-5", Axes.plain(1e-5));
    assertEquals("0.002", Axes.plain(0.002));
    assertEquals("0.5", Axes.plain(0.5));
    assertEquals("1", Axes.plain(1));
    assertEquals("5,000", Axes.plain(5000));
    assertEquals("12.5", Axes.plain(12.5));
    assertEquals("20,000", Axes.plain(20000));
    assertEquals("2e6", Axes.plain(2e6));
    assertEquals("0", Axes.plain(0));
    assertEquals(List.of(2e-6, 5e-6, 1e-5, 2e-5, 5e-5, 1e-4, 2e-4), Axes.logTicks(2e-6, 2.5e-4));
    assertEquals(List.of(100.0, 1000.0, 10000.0), Axes.logTicks(14, 60000));
    // inside one decade: linear 1-2-5 steps
    assertEquals(List.of(0.3, 0.4, 0.5, 0.6, 0.7), Axes.logTicks(0.25, 0.7));
    assertEquals(0.2, Axes.niceStep(0.15));
    assertEquals(5, Axes.niceStep(3));
  }

  @Test
  void epochAxesHaveWholeNumbersAndLegendsNameSeedCounts() throws Exception {
    Path dir = ResultsFixture.write(tmp, "demo", false);
    SuiteResults r = SuiteResults.read(dir);
    Figures f = new Figures(r, new Palette(r.labels()));
    JFreeChart c = f.curves("train_accuracy", "test_accuracy", "t", "accuracy");
    String svg = Svg.render(c); // lays the chart out: the axes get their ranges
    List<NumberTick> ticks = ticks(c.getXYPlot().getDomainAxis());
    assertFalse(ticks.isEmpty());
    for (NumberTick t : ticks) {
      assertEquals(Math.rint(t.getValue()), t.getValue(), 1e-12, "tick " + t.getValue());
      assertTrue(t.getText().matches("\\d+"), t.getText());
    }
    assertTrue(svg.contains(">SMGD (3 seeds)<"), svg);
    assertTrue(svg.contains(">train<") && svg.contains(">test<"));
    String weights = Svg.render(f.chosenWeights("f1"));
    assertTrue(weights.contains(">SMGD (3 seeds) all:f2<"), weights);
    String points = Svg.render(f.metricVsNonzeros());
    assertTrue(points.contains(">SMGD (3 seeds)<"));
    String layers = Svg.render(f.nonzerosPerLayer());
    assertTrue(layers.contains(">SMGD (3 seeds)<") && layers.contains(">dense1<"));
  }

  @SuppressWarnings("unchecked")
  private static List<NumberTick> ticks(ValueAxis axis) {
    Graphics2D g = new BufferedImage(10, 10, BufferedImage.TYPE_INT_RGB).createGraphics();
    return (List<NumberTick>)
        axis.refreshTicks(
            g, new AxisState(), new Rectangle2D.Double(0, 0, 560, 300), RectangleEdge.BOTTOM);
  }
}
