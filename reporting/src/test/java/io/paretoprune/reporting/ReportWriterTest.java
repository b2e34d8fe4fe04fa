package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ReportWriterTest {
  @TempDir Path tmp;

  @Test
  void writesEveryFigureInlineAndAsSvgFiles() throws Exception {
    Path dir = ResultsFixture.write(tmp, "demo", true);
    Path index = ReportWriter.write(dir);
    String html = Files.readString(index);
    for (String f : ReportWriter.figureOrder()) {
      if (f.startsWith("knee-")) {
        continue; // the fixture's search retrained no knee
      }
      assertTrue(html.contains("id=\"fig-" + f + "\""), "figure " + f + " missing");
      Path svg = dir.resolve("report/figures/" + f + ".svg");
      assertTrue(Files.isRegularFile(svg), svg.toString());
      DocumentBuilderFactory xml = DocumentBuilderFactory.newInstance();
      xml.setFeature("http://apache.org/xml/features/nonvalidating/load-external-dtd", false);
      xml.newDocumentBuilder().parse(svg.toFile()); // well-formed XML
    }
    assertEquals(8, html.split("<svg").length - 1);
    assertTrue(html.contains("Hypervolume 1235 with reference point (f1, f2) = (1, 10000)"), html);
    assertTrue(html.contains("reference lines of the original code"));
    assertFalse(html.contains("http://") && html.contains("<script src"), "nothing is fetched");
  }

  @Test
  void userStringsAreEscapedEverywhere() throws Exception {
    Path dir = ResultsFixture.write(tmp, "demo", false);
    String html = Files.readString(ReportWriter.write(dir));
    assertFalse(html.contains(ResultsFixture.EVIL), "a label reached the page unescaped");
    assertTrue(html.contains("&lt;script&gt;alert(1)&lt;/script&gt;"));
    for (Path svg : Files.list(dir.resolve("report/figures")).toList()) {
      assertFalse(Files.readString(svg).contains("<script>"), svg + " holds a raw <script>");
    }
    assertTrue(html.contains("(+1 diverged/failed)"));
  }

  @Test
  void summaryShowsMeansWithConfidenceIntervals() throws Exception {
    Path dir = ResultsFixture.write(tmp, "demo", false);
    String html = Files.readString(ReportWriter.write(dir));
    // SMGD seeds 1..3 end at accuracy 0.981, 0.982, 0.983: mean 0.982, t CI half-width 0.00248
    assertTrue(html.contains("0.9820 <span class=ci>[0.9795, 0.9845]</span>"), html);
  }

  @Test
  void missingOrBrokenInputIsOneClearLine() throws Exception {
    ReportException e = assertThrows(ReportException.class, () -> ReportWriter.write(tmp));
    assertTrue(e.getMessage().contains("summary.csv: not found"), e.getMessage());
    Path dir = ResultsFixture.write(tmp, "demo", false);
    Files.writeString(dir.resolve("summary.csv"), "run_id,label\nx,y\n");
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertTrue(e.getMessage().contains("summary.csv: column 'seed' is missing"), e.getMessage());
    Files.delete(dir.resolve("summary.csv"));
    ResultsFixture.write(tmp, "demo", false);
    Files.writeString(dir.resolve("runs/SMGD-s1/manifest.json"), "{broken");
    e = assertThrows(ReportException.class, () -> ReportWriter.write(dir));
    assertTrue(e.getMessage().contains("manifest.json: not valid JSON"), e.getMessage());
  }
}
