package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every multi-gradient combiner by name in a suite, trained one small epoch through {@code run};
 * min-norm's normalisers land in epochs.csv next to the weights, the old columns unchanged.
 */
class CombinersEndToEndTest {
  @TempDir Path tmp;

  @Test
  void eachCombinerTrainsThroughASuiteAndTheNormalisersAreRecorded() throws Exception {
    Path data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(192, 10, 28, 1),
        SyntheticData.squares(64, 10, 28, 2));
    Path suite =
        Files.writeString(
            tmp.resolve("combiners.yaml"),
            """
            name: combiners
            dataset: {name: mnist}
            model: {name: lenet5}
            objectives:
              - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
              - {name: f2, l1: {on: dense.kernel}, l2: {on: conv.kernel, factor: 1.0e-4}}
            shared_settings: {lr: 0.01}
            optimizers:
              - {label: PCGrad, combiner: pcgrad, step: sgd, settings: {momentum: 0.9}}
              - {label: CAGrad, combiner: cagrad, step: sgd, settings: {c: 0.4}}
              - {label: NashMTL, combiner: nashmtl, step: sgd, settings: {max_iterations: 10}}
              - {label: IMTLG, combiner: imtlg, step: sgd}
              - {label: AlignedMTL, combiner: aligned-mtl, step: sgd}
              - {label: MGDA-l2, combiner: min-norm, step: sgd, settings: {normalize: l2}}
              - {label: MGDA-lossplus, combiner: min-norm, step: sgd, settings: {normalize: loss+}}
              - {label: InitialNorm, combiner: initial-norm, step: sgd, settings: {warmup: 1}}
              - {label: MinNormUnit, combiner: min-norm-unit, step: sgd}
              - {label: EpochNorm, combiner: epoch-norm, step: sgd, settings: {every: 1}}
              - {label: InitialLoss, combiner: initial-loss, step: sgd, settings: {warmup: 1}}
            pruning: {name: threshold, settings: {tau: 0.001, on: dense}}
            seeds: [1]
            epochs: 1
            batch_size: 32
            threads_per_run: 1
            parallel: 1
            """);
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), data);
    assertEquals(0, o.code(), o.out() + o.err());
    Path runs = tmp.resolve("results/combiners/runs");
    ObjectMapper json = new ObjectMapper();
    for (String[] run :
        List.of(
            new String[] {"PCGrad", "pcgrad"},
            new String[] {"CAGrad", "cagrad"},
            new String[] {"NashMTL", "nashmtl"},
            new String[] {"IMTLG", "imtlg"},
            new String[] {"AlignedMTL", "aligned-mtl"},
            new String[] {"MGDA-l2", "min-norm"},
            new String[] {"MGDA-lossplus", "min-norm"},
            new String[] {"InitialNorm", "initial-norm"},
            new String[] {"MinNormUnit", "min-norm-unit"},
            new String[] {"EpochNorm", "epoch-norm"},
            new String[] {"InitialLoss", "initial-loss"})) {
      JsonNode m = json.readTree(runs.resolve(run[0] + "-s1/manifest.json").toFile());
      assertEquals("completed", m.get("status").asText(), run[0] + ": " + m);
      assertTrue(
          m.get("optimizerDescription").asText().startsWith(run[1] + " + sgd"),
          m.get("optimizerDescription").asText());
    }
    List<String> csv = Files.readAllLines(runs.resolve("MGDA-l2-s1/epochs.csv"));
    List<String> header = List.of(csv.get(0).split(","));
    int stationary = header.indexOf("stationary_all");
    assertTrue(stationary > 0, csv.get(0));
    // The recorded columns come after every older one: gradient norms, then the rule's own.
    assertEquals(
        List.of("gnorm_all_f1_mean", "gnorm_all_f2_mean", "gn_all_f1_mean", "gn_all_f2_mean"),
        header.subList(stationary + 1, header.size()),
        csv.get(0));
    String[] row = csv.get(1).split(",");
    assertTrue(Double.parseDouble(row[stationary + 1]) > 0, csv.get(1));
    // l2 divides by ||g_i||: its normalisers are the recorded gradient norms' epoch means.
    assertEquals(
        Double.parseDouble(row[stationary + 1]),
        Double.parseDouble(row[stationary + 3]),
        1e-9 * Double.parseDouble(row[stationary + 1]),
        csv.get(1));
    // initial-norm and initial-loss hold the weights of their first step: one value all epoch.
    for (String label : List.of("InitialNorm", "InitialLoss")) {
      List<String> held = Files.readAllLines(runs.resolve(label + "-s1/epochs.csv"));
      List<String> heldHeader = List.of(held.get(0).split(","));
      String[] heldRow = held.get(1).split(",");
      assertEquals(
          heldRow[heldHeader.indexOf("w_all_f2_min")],
          heldRow[heldHeader.indexOf("w_all_f2_max")],
          label + ": " + held);
      assertTrue(
          Double.parseDouble(heldRow[heldHeader.indexOf("w_all_f2_max")]) > 0,
          label + ": " + held.get(1));
    }
    List<String> plain = Files.readAllLines(runs.resolve("PCGrad-s1/epochs.csv"));
    assertTrue(
        plain.get(0).endsWith("stationary_all,gnorm_all_f1_mean,gnorm_all_f2_mean"), plain.get(0));
  }
}
