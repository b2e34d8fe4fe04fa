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

  @Test
  void severalSeedsPerWeightingWriteARowPerSeedAndTheMeansWithIntervals() throws Exception {
    Path suite =
        SuiteFixture.write(
            tmp,
            "seeded",
            "[1]",
            1,
            "pareto: {search: sweep, c2: [0, 1.0e-3, 0.05], seeds_per_weighting: 2, epochs: full,"
                + " knee: chord}");
    CliRun.Outcome o =
        CliRun.run(
            "pareto",
            suite.toString(),
            "--results",
            tmp.resolve("r").toString(),
            "--data",
            tmp.resolve("data").toString());
    assertEquals(0, o.code(), o.out() + o.err());
    // Three weightings of two seeds: six runs, no retraining (they trained the full epochs).
    assertTrue(o.out().contains("[6/6] "), o.out());
    assertFalse(o.out().contains("retraining"), o.out());
    assertTrue(o.out().contains("over 2 seeds, mean (95% t interval): f1 "), o.out());
    Path dir = tmp.resolve("r/seeded/pareto");
    Table rows = Table.read().csv(dir.resolve("pareto.csv").toFile());
    assertEquals(6, rows.rowCount());
    assertEquals(java.util.List.of(1, 2, 1, 2, 1, 2), rows.intColumn("seed").asList());
    Table means = Table.read().csv(dir.resolve("pareto-means.csv").toFile());
    assertEquals(3, means.rowCount());
    for (int w = 0; w < 3; w++) {
      double a = rows.numberColumn("test_accuracy").getDouble(2 * w);
      double b = rows.numberColumn("test_accuracy").getDouble(2 * w + 1);
      assertEquals((a + b) / 2, means.numberColumn("test_accuracy").getDouble(w), 1e-12);
      // Two seeds: the t interval's half width is t(0.975, 1) |a - b| / 2 = 12.706 |a - b| / 2.
      double half = 12.706204736174707 * Math.abs(a - b) / 2;
      assertEquals(
          Math.max(0, (a + b) / 2 - half),
          means.numberColumn("test_accuracy_ci_low").getDouble(w),
          1e-9);
    }
    try (var runs = Files.list(dir.resolve("runs"))) {
      assertEquals(
          java.util.List.of(
              "ws-c2_0.00000-s1",
              "ws-c2_0.00000-s2",
              "ws-c2_0.00100000-s1",
              "ws-c2_0.00100000-s2",
              "ws-c2_0.0500000-s1",
              "ws-c2_0.0500000-s2"),
          runs.map(r -> r.getFileName().toString())
              .filter(n -> !n.startsWith("."))
              .sorted()
              .toList());
    }
    JsonNode json = new ObjectMapper().readTree(dir.resolve("pareto.json").toFile());
    assertEquals(2, json.get("seeds").size());
    assertTrue(json.has("knee_interval"), json.toString());
    String html = Files.readString(tmp.resolve("r/seeded/report/index.html"));
    assertTrue(html.contains("3 weightings x 2 seeds of 1 epoch each"), html);
  }

  @Test
  void withTwoProcessesASweepTrainsItsWeightingsAtOnceWithTheOneAtATimeRows() throws Exception {
    String pareto = "pareto: {search: sweep, c2: [0, 1.0e-3], epochs: full, knee: chord}";
    Path one = SuiteFixture.write(tmp, "sweep", "[1]", 1, pareto);
    Path two = tmp.resolve("sweep2.yaml");
    Files.writeString(two, Files.readString(one).replace("parallel: 1", "parallel: 2"));
    Table[] rows = new Table[2];
    Path[] suites = {one, two};
    for (int i = 0; i < 2; i++) {
      Path results = tmp.resolve("p" + (i + 1));
      CliRun.Outcome o =
          CliRun.run(
              "pareto",
              suites[i].toString(),
              "--results",
              results.toString(),
              "--data",
              tmp.resolve("data").toString());
      assertEquals(0, o.code(), o.out() + o.err());
      // One path for both: a round's weightings go to the launcher together, parallel at a time.
      assertTrue(o.out().contains("round 1: 2 weighting(s), 0 already done, 2 to train"), o.out());
      rows[i] = Table.read().csv(results.resolve("sweep/pareto/pareto.csv").toFile());
    }
    assertEquals(rows[0].print(), rows[1].print(), "the same rows one at a time and two at once");
    // Two at once: the second run started before the first one ended.
    Path runs = tmp.resolve("p2/sweep/pareto/runs");
    ObjectMapper json = new ObjectMapper();
    JsonNode a = json.readTree(runs.resolve("ws-c2_0.00000-s1/manifest.json").toFile());
    JsonNode b = json.readTree(runs.resolve("ws-c2_0.00100000-s1/manifest.json").toFile());
    java.time.Instant startA = java.time.Instant.parse(a.get("startedAt").asText());
    java.time.Instant startB = java.time.Instant.parse(b.get("startedAt").asText());
    java.time.Instant first = startA.isBefore(startB) ? startA : startB;
    java.time.Instant second = startA.isBefore(startB) ? startB : startA;
    double firstWall = (startA.isBefore(startB) ? a : b).get("wallSeconds").asDouble();
    assertTrue(
        second.isBefore(first.plusMillis((long) (firstWall * 1000))),
        "runs did not overlap: " + a + " " + b);
  }

  @Test
  void aBadParetoKeyIsExit2WithOneLineNamingFileAndKey() throws Exception {
    Path suite =
        SuiteFixture.write(
            tmp, "bad", "[1]", 1, "pareto: {search: sweep, epochs: full, retrain: true}");
    CliRun.Outcome o =
        CliRun.run(
            "pareto",
            suite.toString(),
            "--results",
            tmp.resolve("r").toString(),
            "--data",
            tmp.resolve("data").toString());
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(1, o.err().strip().lines().count(), o.err());
    assertTrue(o.err().contains(suite + ": pareto.retrain: the weightings train"), o.err());
    assertFalse(Files.exists(tmp.resolve("r/bad")), "no results folder for a bad suite");
  }
}
