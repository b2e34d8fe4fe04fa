package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import tech.tablesaw.api.Row;
import tech.tablesaw.api.Table;

/** Every completed run keeps its model; eval reloads it and gets the recorded accuracy. */
class SavedModelTest {
  @TempDir static Path tmp;
  private static Path run;
  private static Path data;

  @BeforeAll
  static void runATinySuite() throws Exception {
    Path suite = SuiteFixture.write(tmp, "kept", "[1]", 1, "");
    data = tmp.resolve("data");
    CliRun.Outcome o = CliRun.suite(suite, tmp.resolve("results"), data);
    assertEquals(0, o.code(), o.out() + o.err());
    run = tmp.resolve("results/kept/runs/SMGD-s1");
  }

  private Path copyOfRun(String name) throws Exception {
    Path copy = Files.createDirectories(tmp.resolve(name));
    try (var files = Files.list(run)) {
      for (Path f : files.toList()) {
        Files.copy(f, copy.resolve(f.getFileName()));
      }
    }
    return copy;
  }

  @Test
  void theSavedModelRecordsTheFinalSparsityOfEveryLayer() throws Exception {
    JsonNode model = new ObjectMapper().readTree(run.resolve("model.json").toFile());
    Table layers = Table.read().csv(run.resolve("layers.csv").toFile());
    int checked = 0;
    for (JsonNode p : model.get("parameters")) {
      for (Row r : layers) {
        if (r.getInt("epoch") == 1 && r.getString("parameter").equals(p.get("name").asText())) {
          assertEquals((long) r.getNumber("nonzeros"), p.get("nonzeros").asLong(), p.toString());
          checked++;
        }
      }
    }
    assertTrue(checked >= 5, "layers compared: " + checked);
    assertEquals(64, model.get("parametersSha256").asText().length());
  }

  @Test
  void evalPrintsTheRecordedTestAccuracyExactly() throws Exception {
    Table epochs = Table.read().csv(run.resolve("epochs.csv").toFile());
    double recorded = epochs.doubleColumn("test_accuracy").get(epochs.rowCount() - 1);
    CliRun.Outcome o = CliRun.run("eval", run.toString(), "--data", data.toString());
    assertEquals(0, o.code(), o.out() + o.err());
    assertTrue(o.out().contains("test accuracy " + recorded + " on 200 mnist"), o.out());
    assertTrue(
        o.out().contains("recorded at the end of training " + recorded + " (equal)"), o.out());
  }

  @Test
  void evalOfADivergedRunOrAnotherFolderIsOneLineAndExitTwo() throws Exception {
    Path diverged = copyOfRun("diverged");
    Path manifest = diverged.resolve("manifest.json");
    Files.writeString(
        manifest,
        Files.readString(manifest)
            .replace("\"status\" : \"completed\"", "\"status\" : \"diverged\""));
    CliRun.Outcome d = CliRun.run("eval", diverged.toString(), "--data", data.toString());
    assertEquals(2, d.code(), d.out() + d.err());
    assertTrue(d.line().contains("diverged") && !d.line().contains("\n"), d.line());

    CliRun.Outcome none = CliRun.run("eval", tmp.toString());
    assertEquals(2, none.code(), none.out() + none.err());
    assertTrue(none.line().contains("manifest.json") && !none.line().contains("\n"), none.line());
  }

  @Test
  void aChangedParameterFileIsRefusedByItsChecksum() throws Exception {
    Path changed = copyOfRun("changed");
    Files.write(changed.resolve("model.params"), new byte[] {1}, StandardOpenOption.APPEND);
    CliRun.Outcome o = CliRun.run("eval", changed.toString(), "--data", data.toString());
    assertEquals(2, o.code(), o.out() + o.err());
    assertTrue(o.line().contains("model.params") && o.line().contains("checksum"), o.line());
    assertFalse(o.line().contains("\n"), o.line());
  }

  @Test
  void exportWritesTheDenseHeadInCsrWithTheSavedNonzeros() throws Exception {
    Path out = tmp.resolve("export");
    CliRun.Outcome o =
        CliRun.run("export", run.toString(), "--format", "csr", "--out", out.toString());
    assertEquals(0, o.code(), o.out() + o.err());
    JsonNode head = new ObjectMapper().readTree(out.resolve("head.json").toFile());
    JsonNode model = new ObjectMapper().readTree(run.resolve("model.json").toFile());
    long denseNonzeros = 0;
    for (JsonNode p : model.get("parameters")) {
      denseNonzeros +=
          p.get("kind").asText().equals("DENSE_KERNEL") ? p.get("nonzeros").asLong() : 0;
    }
    assertEquals(denseNonzeros, head.get("nnz").asLong());
    assertTrue(Files.size(out.resolve("features.params")) > 0);

    CliRun.Outcome bad = CliRun.run("export", run.toString(), "--format", "coo");
    assertEquals(2, bad.code(), bad.out() + bad.err());
  }
}
