package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code archive}: what it keeps and leaves out, and that a folder restored from it continues: the
 * archived runs are not trained again, the missing ones are, and the report is redrawn.
 */
class ArchiveCommandTest {
  @TempDir Path tmp;

  private static List<String> files(Path root) throws Exception {
    try (Stream<Path> s = Files.walk(root)) {
      return s.filter(Files::isRegularFile)
          .map(p -> root.relativize(p).toString())
          .sorted()
          .toList();
    }
  }

  private static void copyTree(Path from, Path to) throws Exception {
    try (Stream<Path> s = Files.walk(from)) {
      for (Path p : s.toList()) {
        Path q = to.resolve(from.relativize(p).toString());
        if (Files.isDirectory(p)) {
          Files.createDirectories(q);
        } else {
          Files.copy(p, q);
        }
      }
    }
  }

  @Test
  void aRestoredArchiveCountsItsRunsAsDoneAndTheSuiteContinues() throws Exception {
    Path suite = SuiteFixture.write(tmp, "arch", "[1]", 1, "");
    Path data = tmp.resolve("data");
    Path results = tmp.resolve("results");
    CliRun.Outcome first = CliRun.suite(suite, results, data);
    assertEquals(0, first.code(), first.err());
    Path folder = results.resolve("arch");
    // What a machine leaves besides the record: a checkpoint, a half-written run, a report.
    Files.createDirectories(folder.resolve("runs/.checkpoints"));
    Files.writeString(folder.resolve("runs/.checkpoints/X-s1.ckpt"), "partial");
    Files.createDirectories(folder.resolve("runs/Half-s1"));
    Files.writeString(folder.resolve("runs/Half-s1/epochs.csv"), "epoch\n1\n");
    Files.createDirectories(folder.resolve("report"));
    Files.writeString(folder.resolve("report/index.html"), "<html></html>");

    CliRun.Outcome a =
        CliRun.run("archive", folder.toString(), "--to", tmp.resolve("keep").toString());
    assertEquals(0, a.code(), a.err());
    assertTrue(a.out().contains("(2 complete runs,"), a.out());
    Path kept = tmp.resolve("keep/arch");
    List<String> names = files(kept);
    assertTrue(names.contains("suite.yaml"), names.toString());
    assertTrue(names.contains("summary.csv"), names.toString());
    for (String run : List.of("SMGD-s1", "SGD_L1-s1")) {
      for (String f : List.of("manifest.json", "epochs.csv", "layers.csv", "run-spec.json")) {
        assertTrue(names.contains("runs/" + run + "/" + f), run + "/" + f + " in " + names);
      }
      assertFalse(names.contains("runs/" + run + "/model.params"), names.toString());
    }
    assertTrue(
        names.stream()
            .noneMatch(n -> n.contains(".ckpt") || n.startsWith("report") || n.contains("Half")),
        names.toString());

    // As a user runs it: through ./paretoprune.
    Launcher.Outcome withModels =
        Launcher.run(
            tmp,
            java.util.Map.of(),
            "archive",
            folder.toString(),
            "--to",
            tmp.resolve("keep").toString(),
            "--with-models");
    assertEquals(0, withModels.code(), withModels.err());
    assertTrue(withModels.out().contains("(2 complete runs,"), withModels.out());
    assertTrue(files(kept).contains("runs/SMGD-s1/model.params"));
    CliRun.Outcome again =
        CliRun.run("archive", folder.toString(), "--to", tmp.resolve("keep").toString());
    assertEquals(0, again.code(), again.err());
    assertFalse(files(kept).contains("runs/SMGD-s1/model.params"), "an archive is replaced");

    // A new machine: only the archive is left; the suite now asks for a second seed.
    Path fresh = tmp.resolve("fresh");
    copyTree(kept, fresh.resolve("arch"));
    String grown = Files.readString(suite).replace("seeds: [1]", "seeds: [1, 2]");
    Files.writeString(suite, grown);
    CliRun.Outcome second = CliRun.suite(suite, fresh, data);
    assertEquals(0, second.code(), second.err());
    assertTrue(second.out().contains("2 already done, 2 to run"), second.out());
    assertEquals(
        Files.readString(kept.resolve("runs/SMGD-s1/manifest.json")),
        Files.readString(fresh.resolve("arch/runs/SMGD-s1/manifest.json")),
        "an archived run was trained again");
    CliRun.Outcome report = CliRun.run("report", fresh.resolve("arch").toString());
    assertEquals(0, report.code(), report.err());
    assertTrue(Files.isRegularFile(fresh.resolve("arch/report/index.html")));
  }

  @Test
  void aFolderThatHoldsNoResultsIsExitTwoAndOneLine() throws Exception {
    Files.createDirectories(tmp.resolve("empty"));
    CliRun.Outcome o =
        CliRun.run("archive", tmp.resolve("empty").toString(), "--to", tmp.resolve("k").toString());
    assertEquals(2, o.code());
    assertTrue(o.line().contains("empty: not a results folder"), o.err());
    assertFalse(o.line().contains("\n"), o.err());
  }

  @Test
  void anArchiveInsideItsResultsFolderIsRefused() throws Exception {
    Path folder = tmp.resolve("results/x");
    Files.createDirectories(folder.resolve("runs"));
    CliRun.Outcome o = CliRun.run("archive", folder.toString(), "--to", folder.toString());
    assertEquals(2, o.code());
    assertTrue(o.line().contains("cannot be inside the results folder"), o.err());
  }
}
