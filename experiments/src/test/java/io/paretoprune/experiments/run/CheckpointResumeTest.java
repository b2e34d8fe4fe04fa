package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.seam.TrainingListener;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * A 5-epoch run killed right after its checkpoints of epochs 1 and 3 (the kill is a failure thrown
 * from the epoch listener, which runs after the checkpoint is written, as a SIGKILL at that moment
 * would leave it) resumes twice and ends with epoch rows identical to an uninterrupted run's, every
 * column but the wall time. Per-objective Adam (two moment sets), SGD momentum, fixed pruning masks
 * and the update counts that Adam's bias correction and the schedules read all go through the
 * checkpoint.
 */
class CheckpointResumeTest {
  @TempDir Path tmp;

  /** Thrown by the listener to stop a run after a given epoch. */
  static final class Killed extends RuntimeException {
    Killed(int epoch) {
      super("killed after epoch " + epoch);
    }
  }

  private static RunSpec spec(String optimizer, Map<String, Object> settings, String regrowth) {
    return spec(optimizer, settings, regrowth, 1);
  }

  private static RunSpec spec(
      String optimizer, Map<String, Object> settings, String regrowth, long seed) {
    List<SuiteSpec.PenaltySpec> conv =
        List.of(new SuiteSpec.PenaltySpec("l2", "conv.kernel", 1e-4));
    List<SuiteSpec.PenaltySpec> f2 = new ArrayList<>();
    f2.add(new SuiteSpec.PenaltySpec("l1", "dense.kernel", 1));
    f2.addAll(conv);
    return new RunSpec(
        "ckpt",
        RunSpec.runId(optimizer, seed),
        optimizer,
        new SuiteSpec.DatasetSpec("mnist", null, 0, 0),
        new SuiteSpec.PluginSpec("lenet5", Map.of()),
        List.of(
            new SuiteSpec.ObjectiveSpec("f1", "cross_entropy", conv),
            new SuiteSpec.ObjectiveSpec("f2", null, f2)),
        new SuiteSpec.PluginSpec(optimizer, settings),
        new SuiteSpec.PluginSpec("threshold", Map.of("tau", 0.01, "regrowth", regrowth)),
        seed,
        5,
        32,
        100,
        0,
        1);
  }

  private static TrainingListener killAfter(int epoch) {
    return new TrainingListener() {
      @Override
      public void onEpoch(EpochMetrics m) {
        if (m.epoch() == epoch) {
          throw new Killed(epoch);
        }
      }
    };
  }

  /** epochs.csv without the wall-time column. */
  private static List<String> rows(Path runs, String id) throws Exception {
    List<String> lines = Files.readAllLines(runs.resolve(id).resolve("epochs.csv"));
    int seconds = Arrays.asList(lines.get(0).split(",")).indexOf("seconds");
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      List<String> cells = new ArrayList<>(Arrays.asList(l.split(",", -1)));
      cells.remove(seconds);
      out.add(String.join(",", cells));
    }
    return out;
  }

  @ParameterizedTest
  @ValueSource(strings = {"madam", "smgd", "weighted"})
  void resumedRowsEqualUninterruptedRows(String optimizer) throws Exception {
    Path data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(320, 10, 28, 1),
        SyntheticData.squares(100, 10, 28, 2));
    // madam: per-objective Adam, regrowing threshold; smgd: momentum and fixed masks.
    // weighted: Adam on the weighted sum (no Gram matrix: NaN in the rows).
    RunSpec r =
        switch (optimizer) {
          case "madam" -> spec("madam", Map.of("lr", 0.01), "regrow");
          case "smgd" -> spec("smgd", Map.of("lr", 0.05), "fixed");
          default ->
              spec(
                  "weighted",
                  Map.of("weights", List.of(1.0, 3e-4), "step", "adam", "lr", 0.01),
                  "regrow");
        };
    Path straight = tmp.resolve("straight");
    new RunExecutor(data, straight, "test").execute(r, null);

    Path killed = tmp.resolve("killed");
    RunExecutor executor = new RunExecutor(data, killed, "test");
    assertThrows(Killed.class, () -> executor.execute(r, killAfter(1)));
    assertThrows(Killed.class, () -> executor.execute(r, killAfter(3)));
    executor.execute(r, null);

    assertEquals(rows(straight, r.runId()), rows(killed, r.runId()));
    JsonNode manifest =
        new ObjectMapper().readTree(killed.resolve(r.runId()).resolve("manifest.json").toFile());
    assertEquals("[1,3]", manifest.get("resumedAfterEpochs").toString());
    assertFalse(Files.exists(CheckpointFile.location(killed, r.runId())), "checkpoint removed");
  }

  /**
   * A pack of four (SMGD and MAdam, two seeds each) killed after the checkpoints of epochs 2 and 4
   * (the kill thrown after the last run's checkpoint, when every run has written its own) resumes
   * twice and ends with every run's rows identical to an uninterrupted pack's.
   */
  @Test
  void aPackResumedAfterLaterEpochsEndsWithTheRowsOfAnUninterruptedPack() throws Exception {
    Path data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(320, 10, 28, 1),
        SyntheticData.squares(100, 10, 28, 2));
    List<RunSpec> pack = new ArrayList<>();
    for (long seed : new long[] {1, 2}) {
      pack.add(spec("smgd", Map.of("lr", 0.05), "regrow", seed));
      pack.add(spec("madam", Map.of("lr", 0.01), "regrow", seed));
    }
    RunSpec last = pack.get(pack.size() - 1);
    Path straight = tmp.resolve("straight");
    new RunExecutor(data, straight, "test").execute(pack, s -> null);

    Path killed = tmp.resolve("killed");
    RunExecutor executor = new RunExecutor(data, killed, "test");
    assertThrows(Killed.class, () -> executor.execute(pack, s -> s == last ? killAfter(2) : null));
    assertThrows(Killed.class, () -> executor.execute(pack, s -> s == last ? killAfter(4) : null));
    executor.execute(pack, s -> null);
    for (RunSpec r : pack) {
      assertEquals(rows(straight, r.runId()), rows(killed, r.runId()), r.runId());
      JsonNode manifest =
          new ObjectMapper().readTree(killed.resolve(r.runId()).resolve("manifest.json").toFile());
      assertEquals("[2,4]", manifest.get("resumedAfterEpochs").toString(), r.runId());
    }
  }
}
