package io.paretoprune.experiments.pareto;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.Table;

class ParetoCsvTest {

  /** Points (f1, f2) by c2; c2 = 0.3 diverges; payload: run id and accuracy. */
  private static ParetoPoint evaluate(Weighting w) {
    Map<String, Object> payload = new LinkedHashMap<>();
    payload.put("run_id", "run-" + w.c2());
    if (w.c2() != 0.2) {
      payload.put("test_accuracy", 0.9 - w.c2());
    }
    if (w.c2() == 0.3) {
      return new ParetoPoint(w, Double.NaN, Double.NaN, payload);
    }
    double[][] byC2 = {{0.0, 0, 10}, {0.1, 1, 5}, {0.2, 3, 1}, {0.4, 4, 2}, {0.5, 5, 0}};
    for (double[] row : byC2) {
      if (row[0] == w.c2()) {
        return new ParetoPoint(w, row[1], row[2], payload);
      }
    }
    throw new AssertionError("unexpected " + w);
  }

  @Test
  void writesCsvAndJson(@TempDir Path dir) throws Exception {
    SearchResult r =
        WeightedSumSweep.builder()
            .optC2Values(List.of(0.0, 0.1, 0.2, 0.3, 0.4, 0.5))
            .optReferencePoint(new ReferencePoint(6, 11))
            .build()
            .run(ParetoCsvTest::evaluate);
    // Front by f2: (5, 0) c2 0.5, (3, 1) c2 0.2, (1, 5) c2 0.1, (0, 10) c2 0; (4, 2) is dominated.
    assertEquals(4, r.front().size());
    ParetoCsv.write(dir, List.of(r));

    Table t = Table.read().csv(dir.resolve(ParetoCsv.CSV_FILE).toFile());
    assertEquals(
        List.of(
            "search",
            "order",
            "c1",
            "c2",
            "f1",
            "f2",
            "dominated",
            "knee_paper",
            "knee_chord",
            "run_id",
            "test_accuracy"),
        t.columnNames());
    assertEquals(6, t.rowCount());
    for (int row : new int[] {0, 1, 2, 5}) {
      assertEquals(Boolean.FALSE, t.booleanColumn("dominated").get(row));
    }
    assertTrue(t.booleanColumn("dominated").isMissing(3)); // the diverged run
    assertEquals(Boolean.TRUE, t.booleanColumn("dominated").get(4)); // (4, 2)
    assertEquals(1, t.booleanColumn("knee_paper").countTrue());
    assertEquals(1, t.booleanColumn("knee_chord").countTrue());
    assertEquals(ColumnType.DOUBLE, t.column("test_accuracy").type());
    assertTrue(t.doubleColumn("test_accuracy").isMissing(2));
    assertEquals("run-0.1", t.stringColumn("run_id").get(1));

    JsonNode json = new ObjectMapper().readTree(dir.resolve(ParetoCsv.JSON_FILE).toFile());
    JsonNode s = json.get("searches").get(0);
    assertEquals("sweep", s.get("search").asText());
    assertEquals(6, s.get("evaluations").asInt());
    // Strips from (6, 11): (5,0) owns f2 [0,1] width 1; (3,1) [1,5] width 3; (1,5) [5,10] width 5;
    // (0,10) [10,11] width 6: 1 + 12 + 25 + 6 = 44.
    assertEquals(44, s.get("hypervolume").asDouble(), 1e-12);
    assertEquals(6, s.get("reference_point").get("f1").asDouble(), 0);
    assertEquals(List.of(6, 3, 2, 1), toInts(s.get("front")));
    int kneeOrder = s.get("knee_chord").get("order").asInt();
    assertTrue(t.booleanColumn("knee_chord").get(kneeOrder - 1));
    assertTrue(s.get("knee_paper").has("score"));
    assertTrue(Files.size(dir.resolve(ParetoCsv.JSON_FILE)) > 0);
  }

  @Test
  void payloadKeysMayNotShadowColumns() {
    SearchResult r =
        WeightedSumSweep.builder()
            .optC2Values(List.of(0.1))
            .build()
            .run(w -> new ParetoPoint(w, 1, 1, Map.of("f1", 2.0)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> ParetoCsv.toTable(List.of(r)));
    assertEquals("payload key 'f1' clashes with a column of pareto.csv", e.getMessage());
  }

  private static List<Integer> toInts(JsonNode array) {
    List<Integer> out = new ArrayList<>();
    array.forEach(n -> out.add(n.asInt()));
    return out;
  }
}
