package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/** A real (tiny) weighted-sum search from the command line, each weighting in its own JVM. */
class ParetoCommandTest {
  @TempDir Path tmp;

  @Test
  void bisectionSearchWritesTheFrontAndRetrainsTheKnee() throws Exception {
    Path suite =
        SuiteFixture.write(
            tmp,
            "front",
            "[1]",
            1,
            "pareto: {search: bisection, max_evaluations: 3, epochs: 1, knee: chord, retrain: true}");
    CliRun.Outcome o =
        CliRun.run(
            "pareto",
            suite.toString(),
            "--results",
            tmp.resolve("r").toString(),
            "--data",
            tmp.resolve("data").toString());
    assertEquals(0, o.code(), o.out() + o.err());
    // Three evaluations and the knee's retraining: four runs counted as such.
    assertTrue(o.out().contains("[3/4] "), o.out());
    assertTrue(o.out().contains("[4/4] knee-"), o.out());
    assertFalse(o.out().contains("/3] "), o.out());
    Path dir = tmp.resolve("r/front/pareto");
    Table p = Table.read().csv(dir.resolve("pareto.csv").toFile());
    assertEquals(3, p.rowCount());
    assertEquals(0.0, p.numberColumn("c2").getDouble(0));
    assertEquals(0.1, p.numberColumn("c2").getDouble(1), 1e-12);
    assertEquals(0.05, p.numberColumn("c2").getDouble(2), 1e-12);
    JsonNode json = new ObjectMapper().readTree(dir.resolve("pareto.json").toFile());
    assertTrue(json.get("hypervolume").asDouble() > 0);
    assertEquals(2, json.get("reference").size());
    assertTrue(json.get("retrained").get("point").get("f2").asDouble() > 0);
    assertEquals("chord", json.get("knee").asText());
    try (var runs = Files.list(dir.resolve("runs"))) {
      assertEquals(4, runs.filter(r -> !r.getFileName().toString().startsWith(".")).count());
    }
    // The search's report: its front, the knee it retrained and that run's curves.
    String html = Files.readString(tmp.resolve("r/front/report/index.html"));
    assertTrue(html.contains("id=\"fig-pareto-objectives\""), html);
    assertTrue(html.contains("id=\"fig-knee-accuracy\""), html);
    assertTrue(html.contains("which the search used (pareto.json)"), html);
  }
}
