package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Through {@code ./paretoprune}: the structured rules are listed, a suite with group lasso as f2
 * and per-entry unit and N:M pruning trains, the kept structure shows in layers.csv, and a bad
 * setting of an entry's pruning is one line naming the file and key before anything runs.
 */
class StructuredPruningEndToEndTest {
  @TempDir Path tmp;

  @Test
  void listShowsUnitsAndNofMWithTheirSettings() throws Exception {
    Launcher.Outcome o = Launcher.run(tmp, Map.of(), "list", "pruning");
    assertEquals(0, o.code(), o.err());
    for (String s :
        List.of(
            "units  [built-in]",
            "n-of-m  [built-in]",
            "tau: prune every unit whose incoming weights have L2 norm <= tau",
            "n: weights kept per group",
            "m: group size, 2 to 64 (default 4)",
            "scope: layer (default")) {
      assertTrue(o.out().contains(s), s + " in:\n" + o.out());
    }
  }

  private Path data() throws Exception {
    Path data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(192, 10, 28, 1),
        SyntheticData.squares(64, 10, 28, 2));
    return data;
  }

  private static final String SUITE =
      """
      name: structured
      dataset: {name: mnist}
      model: {name: lenet5}
      objectives:
        - {name: f1, loss: cross_entropy}
        - {name: f2, l1: {on: dense.kernel}}
      shared_settings: {lr: 0.01}
      optimizers:
        - label: SMGD-GL
          name: smgd
          objectives:
            - {name: f1, loss: cross_entropy}
            - {name: f2, group_lasso: {on: dense.kernel}}
          pruning: {name: units, settings: {target: 0.25, on: dense}}
        - label: SGD+L1
          name: weighted
          settings: {weights: [1.0, 3.0e-4], step: sgd}
          pruning: {name: n-of-m, settings: {n: 2, m: 4}}
        - {label: SMGD, name: smgd}
      pruning: {name: threshold, settings: {tau: 0.001}}
      seeds: [1]
      epochs: 1
      batch_size: 32
      threads_per_run: 1
      parallel: 1
      """;

  @Test
  void aSuiteTrainsWithGroupLassoUnitsAndNofM() throws Exception {
    Path data = data();
    Path suite = Files.writeString(tmp.resolve("structured.yaml"), SUITE);
    Path results = tmp.resolve("results");
    Launcher.Outcome o =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite.toString(),
            "--results",
            results.toString(),
            "--data",
            data.toString(),
            "--no-report");
    assertEquals(0, o.code(), o.out() + o.err());
    Path runs = results.resolve("structured/runs");
    ObjectMapper json = new ObjectMapper();
    Map<String, String> rules =
        Map.of("SMGD-GL-s1", "units", "SGD_L1-s1", "n-of-m", "SMGD-s1", "threshold");
    for (Map.Entry<String, String> e : rules.entrySet()) {
      JsonNode m = json.readTree(runs.resolve(e.getKey() + "/manifest.json").toFile());
      assertEquals("completed", m.get("status").asText(), e.getKey() + ": " + m);
      assertEquals(e.getValue(), m.get("pruning").asText(), e.getKey());
    }
    // units at 0.25: 30 of dense1's 120 units and 21 of dense2's 84 pruned whole, dense3 kept.
    Map<String, Long> units = nonzeros(runs.resolve("SMGD-GL-s1/layers.csv"));
    assertEquals(90L * 400, units.get("dense1.weight"));
    // The pruned units' biases are 0 too (a kept unit's bias may still be at DJL's initial 0).
    assertTrue(units.get("dense1.bias") <= 90 && units.get("dense1.bias") >= 60, "" + units);
    assertEquals(63L * 120, units.get("dense2.weight"));
    assertEquals(10L * 84, units.get("dense3.weight"));
    // 2 of every 4: half of each dense kernel (fan-ins 400, 120 and 84 are multiples of 4).
    Map<String, Long> nm = nonzeros(runs.resolve("SGD_L1-s1/layers.csv"));
    assertEquals(120L * 200, nm.get("dense1.weight"));
    assertEquals(84L * 60, nm.get("dense2.weight"));
    assertEquals(10L * 42, nm.get("dense3.weight"));
    // The group-lasso run's f2 is the sum of unit norms, far below the L1 run's sum of |w|.
    double gl = lastTestF2(runs.resolve("SMGD-GL-s1/epochs.csv"));
    double l1 = lastTestF2(runs.resolve("SMGD-s1/epochs.csv"));
    assertTrue(gl > 0 && gl < l1 / 5, gl + " vs " + l1);
  }

  private static Map<String, Long> nonzeros(Path layersCsv) throws Exception {
    List<String> lines = Files.readAllLines(layersCsv);
    List<String> header = List.of(lines.get(0).split(","));
    int param = header.indexOf("parameter");
    int nz = header.indexOf("nonzeros");
    Map<String, Long> out = new HashMap<>();
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",");
      out.put(f[param], Long.parseLong(f[nz]));
    }
    return out;
  }

  private static double lastTestF2(Path epochsCsv) throws Exception {
    List<String> lines = Files.readAllLines(epochsCsv);
    int col = List.of(lines.get(0).split(",")).indexOf("test_f2");
    return Double.parseDouble(lines.get(lines.size() - 1).split(",")[col]);
  }

  @Test
  void aBadEntryPruningSettingIsOneLineNamingFileAndKey() throws Exception {
    Path data = data();
    Path suite =
        Files.writeString(
            tmp.resolve("bad.yaml"), SUITE.replace("settings: {n: 2, m: 4}", "settings: {n: 4}"));
    Path results = tmp.resolve("results");
    Launcher.Outcome o =
        Launcher.run(
            tmp,
            Map.of(),
            "run",
            suite.toString(),
            "--results",
            results.toString(),
            "--data",
            data.toString(),
            "--no-report");
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    String line = o.errLines().get(0);
    assertTrue(line.contains("bad.yaml"), line);
    assertTrue(line.contains("optimizers[1].pruning.n"), line);
    assertTrue(line.contains("must be less than m (4)"), line);
    assertFalse(Files.exists(results.resolve("bad/runs")), "nothing ran");
  }
}
