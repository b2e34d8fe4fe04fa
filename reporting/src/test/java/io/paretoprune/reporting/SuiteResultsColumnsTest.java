package io.paretoprune.reporting;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Table;

/**
 * Runs of one problem whose combiners report different extra columns (min-norm's gn_* next to
 * PCGrad's none) all stay in the epoch table; runs of another problem are still left out.
 */
class SuiteResultsColumnsTest {
  @TempDir Path tmp;

  private static void copyWith(Path from, Path to, String header, String value, int objectives)
      throws Exception {
    Files.createDirectories(to);
    Files.copy(from.resolve("manifest.json"), to.resolve("manifest.json"));
    Files.copy(from.resolve("layers.csv"), to.resolve("layers.csv"));
    List<String> lines = Files.readAllLines(from.resolve("epochs.csv"));
    String out =
        lines.get(0)
            + header
            + "\n"
            + lines.stream().skip(1).map(l -> l + value).collect(Collectors.joining("\n"))
            + "\n";
    if (objectives == 3) {
      out = out.replace("train_f2,test_f2", "train_f2,test_f2x");
    }
    Files.writeString(to.resolve("epochs.csv"), out);
  }

  @Test
  void extraRecordedColumnsAreUnitedMissingWhereARunHasNone() throws Exception {
    Path dir = ResultsFixture.write(tmp, "suite", false);
    Path runs = dir.resolve("runs");
    int before = SuiteResults.read(dir).epochs().rowCount();
    copyWith(
        runs.resolve("SMGD-s1"),
        runs.resolve("MGDA-s1"),
        ",gn_all_f1_mean,gn_all_f2_mean",
        ",0.5,120",
        2);
    Table epochs = SuiteResults.read(dir).epochs();
    assertEquals(before + 4, epochs.rowCount());
    assertTrue(epochs.columnNames().contains("gn_all_f2_mean"));
    // The copied rows keep SMGD-s1's run id: 4 rows carry gn, every other row has it missing.
    assertEquals(4, epochs.doubleColumn("gn_all_f2_mean").isNotMissing().size());
    assertEquals(before, epochs.doubleColumn("gn_all_f2_mean").isMissing().size());
    assertEquals(120, epochs.doubleColumn("gn_all_f2_mean").max(), 0);

    copyWith(runs.resolve("SMGD-s1"), runs.resolve("Other-s1"), "", "", 3);
    assertEquals(before + 4, SuiteResults.read(dir).epochs().rowCount(), "another problem");
  }
}
