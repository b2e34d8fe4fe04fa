package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.stats.MetricRanges;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Several seeds per weighting: the search decides on the means, pareto.csv keeps a row per seed,
 * pareto-means.csv the means with 95% t intervals; one seed writes the table it always did.
 */
class SeededSearchTest {
  @TempDir Path tmp;

  /** Seed s of weighting c2: the convex front's point shifted by a seed-dependent noise. */
  static ParetoPoint seedPoint(double c1, double c2, int s) {
    ParetoPoint p = ParetoSearchTest.convex(c1, c2);
    double noise = (s - 2) * 0.1; // seeds 1, 2, 3: -0.1, 0, +0.1
    return new ParetoPoint(
        c1,
        c2,
        p.f1() * (1 + noise),
        p.f2() * (1 - noise),
        Map.of("test_accuracy", 0.9 + noise / 10, "dense_nonzeros", p.f2() * (1 - noise)));
  }

  static ParetoPoint threeSeeds(double c1, double c2) {
    return ParetoPoint.meanOf(
        List.of(seedPoint(c1, c2, 1), seedPoint(c1, c2, 2), seedPoint(c1, c2, 3)));
  }

  @Test
  void meanOfSeedsIsTheMeanOfEachFigureAndOneSeedIsItsOwnPoint() {
    ParetoPoint a = new ParetoPoint(0.9, 0.1, 1.0, 10, Map.of("test_accuracy", 0.8));
    ParetoPoint b = new ParetoPoint(0.9, 0.1, 2.0, 30, Map.of("test_accuracy", 0.9));
    ParetoPoint m = ParetoPoint.meanOf(List.of(a, b));
    assertEquals(1.5, m.f1(), 1e-15);
    assertEquals(20, m.f2(), 1e-12);
    assertEquals(0.85, m.payload().get("test_accuracy"), 1e-15);
    assertEquals(List.of(a, b), m.seeds());
    assertSame(a, ParetoPoint.meanOf(List.of(a)));
  }

  @Test
  void aSweepOfItsOwnListDecidesOnTheMeans() throws Exception {
    List<Double> c2 = List.of(0.0, 1e-4, 3e-4, 1e-3, 3e-3);
    List<double[]> calls = new ArrayList<>();
    SearchResult r =
        new ParetoSearch(
                (c1, x) -> {
                  calls.add(new double[] {c1, x});
                  return threeSeeds(c1, x);
                },
                c2.size())
            .sweeping(c2)
            .run("sweep", 1);
    assertEquals(c2, calls.stream().map(w -> w[1]).toList());
    assertEquals(c2, r.evaluated().stream().map(ParetoPoint::c2).toList());
    // The noise is symmetric over the seeds, so the means are the convex front's own points.
    for (ParetoPoint p : r.evaluated()) {
      ParetoPoint clean = ParetoSearchTest.convex(p.c1(), p.c2());
      assertEquals(clean.f1(), p.f1(), 1e-12 * clean.f1());
      assertEquals(clean.f2(), p.f2(), 1e-9 * clean.f2());
      assertEquals(3, p.seeds().size());
    }
    SearchResult clean =
        new ParetoSearch(ParetoSearchTest::convex, c2.size()).sweeping(c2).run("sweep", 1);
    assertEquals(clean.kneeChord().c2(), r.kneeChord().c2());
  }

  /**
   * Seed s of weighting c2 with f1 at c2 = 1e-4 times 1.9, 1, 0.1 for seeds 1, 2, 3 (their mean is
   * the clean point's): seed 1 alone has that weighting dominated and the knee at 3e-4. The noise
   * of {@link #seedPoint} scales every weighting alike, which moves neither the front nor the chord
   * knee, so it cannot tell the means from any one seed.
   */
  static ParetoPoint movedAtOneWeighting(double c1, double c2, int s) {
    ParetoPoint p = ParetoSearchTest.convex(c1, c2);
    double factor = c2 == 1e-4 ? 1 + (2 - s) * 0.9 : 1;
    return new ParetoPoint(c1, c2, p.f1() * factor, p.f2(), Map.of());
  }

  @Test
  void theFrontAndTheKneeAreTheMeansNotTheFirstSeeds() throws Exception {
    List<Double> c2 = List.of(0.0, 1e-4, 3e-4, 1e-3, 3e-3);
    SearchResult first =
        new ParetoSearch((c1, x) -> movedAtOneWeighting(c1, x, 1), c2.size())
            .sweeping(c2)
            .run("sweep", 1);
    assertEquals(4, first.front().size());
    assertEquals(3e-4, first.kneeChord().c2());
    SearchResult means =
        new ParetoSearch(
                (c1, x) ->
                    ParetoPoint.meanOf(
                        List.of(
                            movedAtOneWeighting(c1, x, 1),
                            movedAtOneWeighting(c1, x, 2),
                            movedAtOneWeighting(c1, x, 3))),
                c2.size())
            .sweeping(c2)
            .run("sweep", 1);
    assertEquals(5, means.front().size(), "the clean front: 1e-4 is not dominated on the means");
    assertEquals(1e-4, means.kneeChord().c2());
    ParetoPoint knee = means.kneeChord();
    assertEquals(ParetoSearchTest.convex(knee.c1(), knee.c2()).f1(), knee.f1(), 1e-15);
  }

  @Test
  void pareto_csvHasARowPerSeedAndTheMeansTableTheIntervals() throws Exception {
    List<Double> c2 = List.of(0.0, 1e-4, 1e-3);
    SearchResult r = new ParetoSearch(SeededSearchTest::threeSeeds, 3).sweeping(c2).run("sweep", 1);
    SearchResultWriter.write(r, tmp, "chord", null, List.of(4L, 5L, 6L), MetricRanges.SUMMARY);
    Table rows = Table.read().csv(tmp.resolve("pareto.csv").toFile());
    assertEquals(9, rows.rowCount());
    assertEquals(List.of(4, 5, 6, 4, 5, 6, 4, 5, 6), rows.intColumn("seed").asList());
    assertEquals(List.of(1, 1, 1, 2, 2, 2, 3, 3, 3), rows.intColumn("order").asList());
    ParetoPoint s2 = seedPoint(1 - 1e-4, 1e-4, 1);
    assertEquals(s2.f1(), rows.numberColumn("f1").getDouble(3), 1e-12);
    assertEquals(0.89, rows.numberColumn("test_accuracy").getDouble(3), 1e-12);

    Table means = Table.read().csv(tmp.resolve(SearchResultWriter.MEANS).toFile());
    assertEquals(3, means.rowCount());
    assertEquals(List.of(3, 3, 3), means.intColumn("seeds").asList());
    // Accuracies 0.89, 0.90, 0.91: sd 0.01, half width t(0.975, 2) 0.01 / sqrt(3) = 4.303 x
    // 0.005774.
    double half = 4.302652729911275 * 0.01 / Math.sqrt(3);
    assertEquals(0.9, means.numberColumn("test_accuracy").getDouble(1), 1e-12);
    assertEquals(0.9 - half, means.numberColumn("test_accuracy_ci_low").getDouble(1), 1e-9);
    assertEquals(0.9 + half, means.numberColumn("test_accuracy_ci_high").getDouble(1), 1e-9);
    // The flags are the means': the front and the knee of the search.
    for (int i = 0; i < 3; i++) {
      ParetoPoint p = r.evaluated().get(i);
      assertEquals(!r.front().contains(p), means.booleanColumn("dominated").get(i));
      assertEquals(p.equals(r.kneeChord()), means.booleanColumn("knee_chord").get(i));
      for (int s = 0; s < 3; s++) {
        assertEquals(p.equals(r.kneeChord()), rows.booleanColumn("knee_chord").get(3 * i + s));
      }
    }
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("pareto.json").toFile());
    assertEquals(List.of(4, 5, 6), toInts(json.get("seeds")));
    JsonNode k = json.get("knee_interval").get("test_accuracy");
    assertEquals(r.kneeChord().payload().get("test_accuracy"), k.get("mean").asDouble(), 1e-12);
    assertTrue(k.get("ciLow").asDouble() < k.get("mean").asDouble());
    assertFalse(json.get("knee_chord").has("seeds"), json.toString());
  }

  @Test
  void oneSeedWritesTheTableOfBeforeAndNoMeans() throws Exception {
    SearchResult r = new ParetoSearch(ParetoSearchTest::convex, 4).run("sweep", 1);
    Files.writeString(tmp.resolve(SearchResultWriter.MEANS), "stale");
    SearchResultWriter.write(r, tmp, "chord", null, List.of(1L), MetricRanges.SUMMARY);
    List<String> lines = Files.readAllLines(tmp.resolve("pareto.csv"));
    assertEquals("search,order,c1,c2,f1,f2,dominated,knee_paper,knee_chord,calls", lines.get(0));
    assertEquals(5, lines.size());
    assertTrue(lines.get(1).startsWith("sweep,1,0.99999,1.0E-5,"), lines.get(1));
    JsonNode json = new ObjectMapper().readTree(tmp.resolve("pareto.json").toFile());
    assertFalse(json.has("seeds") || json.has("knee_interval"), json.toString());
    assertFalse(Files.exists(tmp.resolve(SearchResultWriter.MEANS)));
    assertFalse(Table.read().csv(tmp.resolve("pareto.csv").toFile()).containsColumn("seed"));
  }

  private static List<Integer> toInts(JsonNode a) {
    List<Integer> out = new ArrayList<>();
    a.forEach(v -> out.add(v.asInt()));
    return out;
  }
}
