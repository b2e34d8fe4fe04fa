package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.testing.IdxFiles;
import io.paretoprune.core.testing.SyntheticData;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slurm executor against a real Slurm (scripts/slurm-local.sh start brings up a one-node
 * cluster), through ./paretoprune: results equal a local run's row for row, a task cancelled
 * mid-run resumes to the same rows, a busy folder and an unknown partition are refused with exit 2.
 * Skipped with a message when no Slurm controller answers here.
 */
@Tag("slurm")
@ExtendWith(SlurmCluster.Exclusive.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmExecutorTest {
  @TempDir static Path tmp;
  private Path data;

  @BeforeAll
  void clusterAndData() throws Exception {
    Assumptions.assumeTrue(SlurmCluster.answers(), SlurmCluster.ABSENT);
    data = tmp.resolve("data");
    // Enough images that an epoch outlasts the test's poll, so a task can be cancelled mid-run.
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(3000, 10, 28, 1),
        SyntheticData.squares(200, 10, 28, 2));
  }

  private Path suite(String name, String seeds, int epochs, int trainLimit, String extra)
      throws IOException {
    String yaml =
        """
        name: %s
        dataset: {name: mnist, train_limit: %d}
        model: {name: lenet5}
        objectives:
          - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: SMGD, name: smgd, settings: {lr: 0.01}}
          - {label: SGD+L1, name: weighted, settings: {weights: [1.0, 3.0e-4], step: sgd, lr: 0.01}}
        pruning: {name: threshold}
        seeds: %s
        epochs: %d
        batch_size: 32
        threads_per_run: 1
        parallel: 1
        %s
        """
            .formatted(name, trainLimit, seeds, epochs, extra);
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private Launcher.Outcome run(Path suite, String results, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                suite.toString(),
                "--results",
                tmp.resolve(results).toString(),
                "--data",
                data.toString(),
                "--no-report"));
    args.addAll(List.of(extra));
    return Launcher.run(tmp, Map.of(), args.toArray(String[]::new));
  }

  private static void assertSameRows(Path expectedRuns, Path actualRuns, List<String> ids)
      throws IOException {
    SlurmCluster.assertSameRows(expectedRuns, actualRuns, ids);
  }

  private static List<String> rows(Path csv) throws IOException {
    return SlurmCluster.rows(csv);
  }

  private static String scontrol(String... args) throws Exception {
    List<String> cmd = new ArrayList<>(List.of("scontrol"));
    cmd.addAll(List.of(args));
    return SlurmCluster.command(cmd.toArray(String[]::new));
  }

  private static String jobId(Path results) throws IOException {
    return SlurmCluster.jobId(results);
  }

  @Test
  void aSuiteThroughSlurmEqualsTheSameSuiteRunLocallyRowForRow() throws Exception {
    // Two packs of two runs: each pack is one array task, as each is one process locally.
    Path s =
        suite("equal", "[1, 2]", 1, 320, "runner: {pack: 2}\nslurm: {partition: debug, mem: 3G}");
    Launcher.Outcome local = run(s, "local", "--executor", "local");
    assertEquals(0, local.code(), local.err());
    Launcher.Outcome slurm = run(s, "slurm", "--executor", "slurm");
    assertEquals(0, slurm.code(), slurm.err());
    assertTrue(slurm.out().contains("as one Slurm job array, packed as 2+2"), slurm.out());
    assertTrue(slurm.out().contains("submitted Slurm job array "), slurm.out());
    // The local run's progress lines, read here from the run folders.
    assertTrue(slurm.out().contains("  SMGD-s1: epoch 1/1 test accuracy "), slurm.out());
    assertTrue(slurm.out().contains("[4/4] "), slurm.out());
    Path l = tmp.resolve("local").resolve("equal");
    Path r = tmp.resolve("slurm").resolve("equal");
    List<String> ids = List.of("SMGD-s1", "SGD_L1-s1", "SMGD-s2", "SGD_L1-s2");
    assertSameRows(l.resolve("runs"), r.resolve("runs"), ids);
    assertEquals(rows(l.resolve("summary.csv")), rows(r.resolve("summary.csv")));
    assertTrue(Files.isRegularFile(r.resolve("slurm").resolve("array.sbatch")));
    assertEquals(2, Files.readAllLines(r.resolve("slurm").resolve("tasks.txt")).size());
    // A second run has nothing to submit.
    Launcher.Outcome again = run(s, "slurm", "--executor", "slurm");
    assertEquals(0, again.code(), again.err());
    assertTrue(again.out().contains("4 already done, 0 to run"), again.out());
    assertFalse(again.out().contains("submitted Slurm job array"), again.out());
  }

  @Test
  void aTaskCancelledMidRunResumesOnRerunWithIdenticalRows() throws Exception {
    Path s =
        suite(
            "cancel",
            "[1]",
            3,
            2000,
            "runner: {pack: 1, executor: slurm}\nslurm: {mem: 3G, max_parallel: 1}");
    Launcher.Outcome local = run(s, "local", "--executor", "local");
    assertEquals(0, local.code(), local.err());

    Path results = tmp.resolve("slurm-cancel");
    Path runs = results.resolve("cancel").resolve("runs");
    ProcessBuilder pb =
        new ProcessBuilder(
                Launcher.HOME.resolve("paretoprune").toString(),
                "run",
                s.toString(),
                "--results",
                results.toString(),
                "--data",
                data.toString(),
                "--no-report")
            .directory(tmp.toFile());
    pb.environment().put("PARETOPRUNE_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("PARETOPRUNE_PLUGINS");
    Path out = tmp.resolve("cancel-out.txt");
    pb.redirectErrorStream(true).redirectOutput(out.toFile());
    Process first = pb.start();
    Path checkpoint = runs.resolve(".checkpoints").resolve("SMGD-s1.ckpt");
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.isRegularFile(checkpoint) && first.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(Files.isRegularFile(checkpoint), "no epoch checkpoint: " + Files.readString(out));
    assertFalse(Files.isRegularFile(runs.resolve("SMGD-s1").resolve("manifest.json")));
    String job = jobId(results.resolve("cancel"));
    Process scancel = new ProcessBuilder("scancel", job + "_0").inheritIO().start();
    assertEquals(0, scancel.waitFor());
    assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the waiting run did not end");
    String firstOut = Files.readString(out);
    assertEquals(1, first.exitValue(), firstOut);
    // The failed task: its Slurm state and the tail of its stderr.
    assertTrue(firstOut.contains("task " + job + "_0 (SMGD-s1) ended CANCELLED"), firstOut);
    assertTrue(firstOut.contains("last lines of "), firstOut);
    assertTrue(firstOut.contains("] SGD_L1-s1 completed"), firstOut);
    assertTrue(firstOut.contains("] SMGD-s1 failed: Slurm task " + job + "_0 CANCELLED"), firstOut);

    Launcher.Outcome second = run(s, "slurm-cancel");
    assertEquals(0, second.code(), second.out() + second.err());
    assertTrue(
        second.out().contains("1 already done, 1 to run (1 from an epoch checkpoint)"),
        second.out());
    assertSameRows(
        tmp.resolve("local").resolve("cancel").resolve("runs"),
        runs,
        List.of("SMGD-s1", "SGD_L1-s1"));
    var manifest =
        new ObjectMapper().readTree(runs.resolve("SMGD-s1").resolve("manifest.json").toFile());
    assertTrue(manifest.get("resumedAfterEpochs").size() > 0, manifest.toString());
  }

  @Test
  void aFolderWhoseArrayIsQueuedIsRefusedThenPickedUpByStatus() throws Exception {
    // --hold keeps the array pending until released: the folder is busy for certain.
    Path s =
        suite(
            "busy",
            "[1]",
            1,
            320,
            "runner: {executor: slurm}\nslurm: {mem: 3G, extra_args: [--hold]}");
    Launcher.Outcome detached = run(s, "busy", "--detach");
    assertEquals(0, detached.code(), detached.err());
    assertTrue(detached.out().contains("detached: "), detached.out());
    Path dir = tmp.resolve("busy").resolve("busy");
    String job = jobId(dir);
    try {
      for (String executor : List.of("slurm", "local")) {
        Launcher.Outcome second = run(s, "busy", "--executor", executor);
        assertEquals(2, second.code(), second.out() + second.err());
        assertEquals(1, second.errLines().size(), second.err());
        assertTrue(
            second.err().contains("Slurm job array " + job + " of this folder is still pending"),
            second.err());
      }
      // pareto on the same folder (a suite of the same name with a pareto: section) too.
      Path search = tmp.resolve("busy-pareto").resolve("busy.yaml");
      Files.createDirectories(search.getParent());
      Files.writeString(
          search,
          Files.readString(s).replace("runner: {executor: slurm}", "pareto: {search: sweep}"));
      Launcher.Outcome pareto =
          Launcher.run(
              tmp,
              Map.of(),
              "pareto",
              search.toString(),
              "--results",
              tmp.resolve("busy").toString(),
              "--data",
              data.toString());
      assertEquals(2, pareto.code(), pareto.out() + pareto.err());
      assertTrue(pareto.err().contains("Slurm job array " + job + " of this folder"), pareto.err());
      Launcher.Outcome status = Launcher.run(tmp, Map.of(), "status", dir.toString());
      assertEquals(3, status.code(), status.out() + status.err());
      assertTrue(status.out().contains("0 of 2 runs complete"), status.out());
      assertTrue(status.out().contains("  " + job + "_0 PENDING: "), status.out());
      scontrol("release", job);
      Launcher.Outcome waited =
          Launcher.run(tmp, Map.of(), "status", dir.toString(), "--wait", "--no-report");
      assertEquals(0, waited.code(), waited.out() + waited.err());
      assertTrue(waited.out().contains("2 of 2 runs complete"), waited.out());
      assertTrue(waited.out().contains("  SMGD-s1: epoch 1/1 test accuracy "), waited.out());
      assertTrue(Files.isRegularFile(dir.resolve("summary.csv")));
    } finally {
      new ProcessBuilder("scancel", job).start().waitFor();
    }
  }

  @Test
  void anUnknownPartitionIsExit2WithSlurmsLineAndNothingSubmitted() throws Exception {
    Path s = suite("nopart", "[1]", 1, 320, "slurm: {partition: no-such-partition}");
    Launcher.Outcome o = run(s, "nopart", "--executor", "slurm");
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().contains("nopart.yaml: slurm: sbatch refused the job: "), o.err());
    assertTrue(o.err().contains("invalid partition specified: no-such-partition"), o.err());
    Path dir = tmp.resolve("nopart").resolve("nopart");
    assertFalse(Files.exists(dir.resolve("slurm")), "a job was prepared");
    try (Stream<Path> s2 = Files.list(dir)) {
      assertEquals(List.of(".lock"), s2.map(p -> p.getFileName().toString()).toList());
    }
  }
}
