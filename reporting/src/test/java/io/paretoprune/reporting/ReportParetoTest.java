package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.Color;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A Pareto search's results folder as a report: figures, knee, colours, curves, bad input. */
class ReportParetoTest {
  @TempDir Path tmp;

  @Test
  void paretoFolderRendersWithKneeColoursAndRetrainedCurves() throws Exception {
    Path dir = ParetoFixture.write(tmp, "pareto-demo", null, true);
    String html = Files.readString(ReportWriter.write(dir));
    assertTrue(html.contains("<h1>Pareto search <span class=suite>pareto-demo</span></h1>"));
    for (String f :
        new String[] {"pareto-objectives", "pareto-accuracy", "knee-accuracy", "knee-nonzeros"}) {
      assertTrue(html.contains("id=\"fig-" + f + "\""), f);
      Path svg = dir.resolve("report/figures/" + f + ".svg");
      DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
      xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      xml.newDocumentBuilder().parse(svg.toFile());
    }
    String objectives = Files.readString(dir.resolve("report/figures/pareto-objectives.svg"));
    // Every positive c2 is painted with its own colour of the log scale; c2 = 0 in grey.
    ParetoFigures.C2Scale scale =
        ParetoFigures.C2Scale.of(new double[] {0, 1e-5, 1e-4, 3e-4, 5e-4, 1e-3, 0.1});
    for (double c2 : new double[] {1e-5, 1e-4, 3e-4, 5e-4, 1e-3, 0.1}) {
      assertTrue(objectives.contains(rgb((Color) scale.color(c2))), "no point coloured for " + c2);
    }
    assertTrue(objectives.contains(rgb(ParetoFigures.ZERO)));
    assertTrue(!rgb((Color) scale.color(1e-5)).equals(rgb((Color) scale.color(0.1))));
    // The colour scale is labelled in plain numbers.
    // (the rotated axis title is drawn as glyph outlines, so only the ticks are text)
    assertTrue(objectives.contains(">1e-5<") && objectives.contains(">0.01<"), objectives);
    // The knee the search retrained (pareto.json's retrained.rule) is marked and named.
    assertTrue(objectives.contains(">knee, chord rule (used)<"));
    assertTrue(objectives.contains(">knee, paper rule<"));
    assertTrue(html.contains("Ring: the knee by the chord rule, which the search used"));
    // Collapsed weightings sit on the accuracy axis' edge, with a note.
    String accuracy = Files.readString(dir.resolve("report/figures/pareto-accuracy.svg"));
    assertTrue(accuracy.contains("1 weighting collapsed (test accuracy below 0.494"), accuracy);
    // Retrained curves: whole epochs.
    String curves = Files.readString(dir.resolve("report/figures/knee-accuracy.svg"));
    assertTrue(curves.contains("Retrained knee (c2 = 1e-4)"));
    assertTrue(html.contains("The knee was retrained for 3 epochs: test accuracy 0.9885, 9,000"));
    // The table of evaluated points: every weighting, front membership, knees.
    assertEquals(7, count(html, "<tr><td>\\d+</td><td>"));
    assertTrue(html.contains("<td>chord (used)</td>"), html);
    assertTrue(html.contains("<td>paper</td>"));
    assertTrue(
        html.contains(
            "<td>5e-4</td><td>0.0900</td><td>600</td><td>0.9800</td><td>5,000</td><td>91.54</td><td></td>"),
        html);
  }

  @Test
  void withoutRetrainingNoCurvesAndTheRuleFromTheJson() throws Exception {
    Path dir = ParetoFixture.write(tmp, "pareto-demo", "paper", false);
    String html = Files.readString(ReportWriter.write(dir));
    assertFalse(html.contains("id=\"fig-knee-accuracy\""));
    assertFalse(html.contains("id=\"fig-knee-nonzeros\""));
    assertFalse(Files.exists(dir.resolve("report/figures/knee-accuracy.svg")));
    assertTrue(html.contains("The knee was not retrained."));
    assertTrue(html.contains("<td>paper (used)</td>"), html);
    String objectives = Files.readString(dir.resolve("report/figures/pareto-objectives.svg"));
    assertTrue(objectives.contains(">knee, paper rule (used)<"));
    assertTrue(objectives.contains(">knee, chord rule<"));
  }

  @Test
  void aKneeRuleNobodyRecordedIsSaidSo() throws Exception {
    Path dir = ParetoFixture.write(tmp, "pareto-demo", null, false);
    String html = Files.readString(ReportWriter.write(dir));
    assertTrue(html.contains("the results do not say which the search used"));
  }

  @Test
  void brokenParetoCsvIsOneLineNamingTheFile() throws Exception {
    Path dir = ParetoFixture.write(tmp, "pareto-demo", null, false);
    Path csv = dir.resolve("pareto/pareto.csv");
    String good = Files.readString(csv);
    Files.writeString(csv, good.replaceFirst(",0.06,", ",abc,"));
    ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertTrue(
        e.getMessage().startsWith(csv + ": column 'f1' is not numeric (row 3: 'abc')"),
        e.getMessage());
    assertFalse(e.getMessage().contains("\n"));
    Files.writeString(csv, good.replace(",f2,", ",g2,"));
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertEquals(csv + ": column 'f2' is missing", e.getMessage());
    Files.writeString(csv, good.lines().findFirst().orElseThrow() + "\n");
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertTrue(e.getMessage().startsWith(csv.toString()), e.getMessage());
    Files.writeString(csv, good);
    Files.writeString(dir.resolve("pareto/pareto.json"), "{broken");
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertTrue(e.getMessage().startsWith(dir.resolve("pareto/pareto.json") + ": not valid JSON"));
  }

  @Test
  void neitherSuiteNorSearchNamesBothFiles() {
    ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(tmp));
    assertTrue(e.getMessage().contains("summary.csv: not found"), e.getMessage());
    assertTrue(e.getMessage().contains("pareto/pareto.csv"), e.getMessage());
  }

  static String rgb(Color c) {
    return "rgb(" + c.getRed() + "," + c.getGreen() + "," + c.getBlue() + ")";
  }

  static int count(String s, String regex) {
    Matcher m = Pattern.compile(regex).matcher(s);
    int n = 0;
    while (m.find()) {
      n++;
    }
    return n;
  }
}
