package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code report} on a Pareto search's results and with {@code --front}; its errors. */
class ReportCommandTest {
  @TempDir Path tmp;

  private Path search() throws Exception {
    Path p = tmp.resolve("search/pareto");
    Files.createDirectories(p);
    Files.writeString(
        p.resolve("pareto.csv"),
        "search,order,c1,c2,f1,f2,dominated,knee_paper,knee_chord,test_accuracy,dense_nonzeros\n"
            + "sweep,1,0.99,0.01,0.30,10,false,false,false,0.90,100\n"
            + "sweep,2,0.999,0.001,0.15,30,false,false,true,0.95,300\n"
            + "sweep,3,0.9999,0.0001,0.06,80,false,true,false,0.98,800\n");
    return tmp.resolve("search");
  }

  private Path suite() throws Exception {
    Path dir = tmp.resolve("methods");
    Files.createDirectories(dir);
    Files.writeString(
        dir.resolve("summary.csv"),
        "run_id,label,optimizer,pruning,seed,status,epochs,diverged_at_epoch,test_accuracy,"
            + "train_accuracy,dense_nonzeros,dense_size\n"
            + "M1-s1,M1,smgd,threshold,1,completed,3,0,0.96,0.97,150,1000\n"
            + "M1-s2,M1,smgd,threshold,2,completed,3,0,0.98,0.99,250,1000\n");
    return dir;
  }

  @Test
  void aParetoSearchsResultsAreAReport() throws Exception {
    Path dir = search();
    CliRun.Outcome o = CliRun.run("report", dir.toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(o.out().contains("report: " + dir.resolve("report/index.html")), o.out());
    String html = Files.readString(dir.resolve("report/index.html"));
    assertTrue(html.contains("id=\"fig-pareto-accuracy\""));
  }

  @Test
  void frontPlacesTheSuitesOptimizers() throws Exception {
    Path dir = suite();
    CliRun.Outcome o = CliRun.run("report", dir.toString(), "--front", search().toString());
    assertEquals(0, o.code(), o.err());
    assertTrue(Files.readString(dir.resolve("report/index.html")).contains("id=\"fig-landing\""));
    assertTrue(Files.isRegularFile(dir.resolve("report/landing.csv")));
  }

  @Test
  void aFrontWithoutAFrontIsExitTwoAndOneLineNamingTheFile() throws Exception {
    Path dir = suite();
    Path empty = tmp.resolve("empty");
    Files.createDirectories(empty);
    CliRun.Outcome o = CliRun.run("report", dir.toString(), "--front", empty.toString());
    assertEquals(Main.BAD_INPUT, o.code());
    assertEquals(
        "paretoprune: "
            + empty.resolve("pareto/pareto.csv")
            + ": not found, nor "
            + empty.resolve("summary.csv")
            + "; the front must be a Pareto search's results or a suite of weighted-sum runs",
        o.line());
    o = CliRun.run("report", dir.toString(), "--front", tmp.resolve("nowhere").toString());
    assertEquals(Main.BAD_INPUT, o.code());
    assertEquals(
        "paretoprune: "
            + tmp.resolve("nowhere")
            + ": no such results directory (given with --front)",
        o.line());
  }

  @Test
  void aBrokenParetoCsvIsExitTwoAndOneLineNamingTheFile() throws Exception {
    Path dir = search();
    Path csv = dir.resolve("pareto/pareto.csv");
    Files.writeString(csv, Files.readString(csv).replace(",0.15,", ",oops,"));
    CliRun.Outcome o = CliRun.run("report", dir.toString());
    assertEquals(Main.BAD_INPUT, o.code());
    assertEquals("paretoprune: " + csv + ": column 'f1' is not numeric (row 2: 'oops')", o.line());
    assertFalse(o.line().contains("\n"));
  }

  @Test
  void aBrokenTaskJsonIsExitTwoAndOneLineNamingTheFile() throws Exception {
    Path dir = suite();
    Path task = dir.resolve("task.json");
    Files.writeString(task, "{\"task\": \"image-classification\", \"metrics\": []}");
    CliRun.Outcome o = CliRun.run("report", dir.toString());
    assertEquals(Main.BAD_INPUT, o.code());
    assertEquals(
        "paretoprune: " + task + ": 'metrics' must be a non-empty list of metrics", o.line());
    assertFalse(o.line().contains("\n"));
  }

  @Test
  void helpNamesTheFrontOption() {
    CliRun.Outcome o = CliRun.run("report", "--help");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("--front=FRONT_DIR"), o.out());
    assertTrue(o.out().contains("pareto/pareto.csv"), o.out());
  }
}
