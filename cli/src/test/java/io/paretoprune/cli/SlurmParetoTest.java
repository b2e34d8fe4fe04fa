package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
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
 * {@code pareto} through a real Slurm (scripts/slurm-local.sh start), through ./paretoprune: each
 * round of the search is one job array, the knee's retraining one more, and the search's rows equal
 * a local search's; a rerun submits only the unfinished weightings; a queued search array and an
 * unknown partition are exit 2. Skipped with a message when no Slurm controller answers here.
 *
 * <p>The two equality tests take 1-2 minutes each on the shared 2-core host (load 15-19): the local
 * search they compare against trains its weightings one JVM after another, and the bisection waits
 * for three arrays in turn, as it must. Their runs are one epoch on 320 images.
 */
@Tag("slurm")
@ExtendWith(SlurmCluster.Exclusive.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmParetoTest {
  @TempDir static Path tmp;
  private Path data;

  @BeforeAll
  void clusterAndData() throws Exception {
    Assumptions.assumeTrue(SlurmCluster.answers(), SlurmCluster.ABSENT);
    data = tmp.resolve("data");
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(320, 10, 28, 1),
        SyntheticData.squares(100, 10, 28, 2));
  }

  private Path suite(String name, String pareto, String slurm) throws IOException {
    String yaml =
        """
        name: %s
        dataset: {name: mnist}
        model: {name: lenet5}
        objectives:
          - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: SMGD, name: smgd, settings: {lr: 0.01}}
        pruning: {name: threshold}
        seeds: [1]
        epochs: 1
        batch_size: 32
        threads_per_run: 1
        pareto: %s
        slurm: %s
        """
            .formatted(name, pareto, slurm);
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private Launcher.Outcome pareto(Path suite, String results, String... extra) throws Exception {
    List<String> args =
        new ArrayList<>(
            List.of(
                "pareto",
                suite.toString(),
                "--results",
                tmp.resolve(results).toString(),
                "--data",
                data.toString()));
    args.addAll(List.of(extra));
    return Launcher.run(tmp, Map.of(), args.toArray(String[]::new));
  }

  /** The run ids of each recorded array's tasks, oldest array first. */
  private static List<List<String>> arrayTasks(Path paretoDir) throws IOException {
    List<List<String>> out = new ArrayList<>();
    for (JsonNode a : SlurmCluster.arrays(paretoDir)) {
      List<String> ids = new ArrayList<>();
      a.get("tasks").forEach(t -> t.forEach(id -> ids.add(id.asText())));
      out.add(ids);
    }
    return out;
  }

  private static List<String> runIds(Path paretoDir) throws IOException {
    try (Stream<Path> s = Files.list(paretoDir.resolve("runs"))) {
      return s.map(p -> p.getFileName().toString()).filter(n -> !n.startsWith(".")).toList();
    }
  }

  @Test
  void aSweepIsOneArrayWhoseRowsEqualTheLocalSearchAndARerunSubmitsOnlyTheUnfinished()
      throws Exception {
    Path s =
        suite(
            "sweep", "{search: sweep, max_evaluations: 3, epochs: 1, retrain: false}", "{mem: 3G}");
    Launcher.Outcome local = pareto(s, "local", "--executor", "local");
    assertEquals(0, local.code(), local.out() + local.err());
    Launcher.Outcome slurm = pareto(s, "slurm", "--executor", "slurm");
    assertEquals(0, slurm.code(), slurm.out() + slurm.err());
    assertTrue(slurm.out().contains("round 1: 3 weighting(s), 0 already done, 3 to train"));
    assertTrue(slurm.out().contains("[3/3] "), slurm.out());
    Path l = tmp.resolve("local/sweep/pareto");
    Path r = tmp.resolve("slurm/sweep/pareto");
    List<String> ids =
        List.of("ws-c2_1.00000e-05-s1", "ws-c2_3.00000e-05-s1", "ws-c2_5.00000e-05-s1");
    assertEquals(List.of(ids), arrayTasks(r));
    assertEquals(
        Files.readAllLines(l.resolve("pareto.csv")), Files.readAllLines(r.resolve("pareto.csv")));
    SlurmCluster.assertSameRows(l.resolve("runs"), r.resolve("runs"), ids);

    // One weighting lost (as if never trained): the rerun submits it alone, the rows stay.
    io.paretoprune.experiments.run.RunDirectory.deleteTree(r.resolve("runs").resolve(ids.get(1)));
    Launcher.Outcome again = pareto(s, "slurm", "--executor", "slurm");
    assertEquals(0, again.code(), again.out() + again.err());
    assertTrue(
        again.out().contains("round 1: 3 weighting(s), 2 already done, 1 to train"), again.out());
    assertEquals(List.of(ids, List.of(ids.get(1))), arrayTasks(r));
    assertEquals(
        Files.readAllLines(l.resolve("pareto.csv")), Files.readAllLines(r.resolve("pareto.csv")));
    SlurmCluster.assertSameRows(l.resolve("runs"), r.resolve("runs"), ids);
  }

  /**
   * Slow (local and Slurm train four runs each, 1-2 minutes here): {@code -Dtest.excludedGroups=}.
   */
  @Test
  @Tag("slow")
  void twoSeedsPerWeightingAreOneArrayOfEveryWeightingAndSeedAndEqualTheLocalSearch()
      throws Exception {
    Path s =
        suite(
            "seeded",
            "{search: sweep, c2: [0, 0.05], seeds_per_weighting: 2, epochs: full}",
            "{mem: 3G}");
    Launcher.Outcome local = pareto(s, "local", "--executor", "local");
    assertEquals(0, local.code(), local.out() + local.err());
    Launcher.Outcome slurm = pareto(s, "slurm", "--executor", "slurm");
    assertEquals(0, slurm.code(), slurm.out() + slurm.err());
    assertTrue(
        slurm.out().contains("round 1: 2 weighting(s) x 2 seeds, 0 of 4 runs already done, 4 to"),
        slurm.out());
    Path l = tmp.resolve("local/seeded/pareto");
    Path r = tmp.resolve("slurm/seeded/pareto");
    List<String> ids =
        List.of("ws-c2_0.00000-s1", "ws-c2_0.00000-s2", "ws-c2_0.0500000-s1", "ws-c2_0.0500000-s2");
    assertEquals(List.of(ids), arrayTasks(r));
    for (String f : List.of("pareto.csv", "pareto-means.csv")) {
      assertEquals(Files.readAllLines(l.resolve(f)), Files.readAllLines(r.resolve(f)), f);
    }
    SlurmCluster.assertSameRows(l.resolve("runs"), r.resolve("runs"), ids);
  }

  @Test
  void aBisectionSubmitsOneArrayPerRoundThenTheKneeAndEqualsTheLocalSearch() throws Exception {
    Path s =
        suite(
            "bisect",
            "{search: bisection, max_evaluations: 3, epochs: 1, knee: chord, retrain: true}",
            "{mem: 3G}");
    Launcher.Outcome local = pareto(s, "local", "--executor", "local");
    assertEquals(0, local.code(), local.out() + local.err());
    Launcher.Outcome slurm = pareto(s, "slurm", "--executor", "slurm");
    assertEquals(0, slurm.code(), slurm.out() + slurm.err());
    Path l = tmp.resolve("local/bisect/pareto");
    Path r = tmp.resolve("slurm/bisect/pareto");
    // Round 1 the extremes, round 2 their midpoint, then the knee: three arrays, three job ids.
    List<List<String>> arrays = arrayTasks(r);
    assertEquals(3, arrays.size(), arrays.toString());
    assertEquals(List.of("ws-c2_0.00000-s1", "ws-c2_0.100000-s1"), arrays.get(0));
    assertEquals(List.of("ws-c2_0.0500000-s1"), arrays.get(1));
    assertEquals(1, arrays.get(2).size());
    assertTrue(arrays.get(2).get(0).startsWith("knee-c2_"), arrays.toString());
    assertEquals(
        3, SlurmCluster.arrays(r).stream().map(a -> a.get("jobId").asText()).distinct().count());
    assertEquals(SlurmCluster.jobId(r), SlurmCluster.arrays(r).get(2).get("jobId").asText());
    assertTrue(slurm.out().contains("round 2: 1 weighting(s), 0 already done, 1 to train"));
    assertTrue(slurm.out().contains("[4/4] knee-"), slurm.out());
    assertEquals(
        Files.readAllLines(l.resolve("pareto.csv")), Files.readAllLines(r.resolve("pareto.csv")));
    ObjectMapper json = new ObjectMapper();
    assertEquals(
        json.readTree(l.resolve("pareto.json").toFile()),
        json.readTree(r.resolve("pareto.json").toFile()));
    assertEquals(runIds(l).stream().sorted().toList(), runIds(r).stream().sorted().toList());
    SlurmCluster.assertSameRows(l.resolve("runs"), r.resolve("runs"), runIds(l));
  }

  @Test
  void aSearchWhoseArrayIsQueuedIsRefusedNamingTheJobId() throws Exception {
    // --hold keeps the array pending; the waiting command is then stopped, the array stays.
    Path s =
        suite(
            "held",
            "{search: sweep, max_evaluations: 2, epochs: 1}",
            "{mem: 3G, extra_args: [--hold]}");
    Path results = tmp.resolve("held-results");
    Path out = tmp.resolve("held-out.txt");
    Process first =
        SlurmCluster.start(
            tmp,
            out,
            "pareto",
            s.toString(),
            "--executor",
            "slurm",
            "--results",
            results.toString(),
            "--data",
            data.toString());
    Path dir = results.resolve("held");
    SlurmCluster.awaitFile(dir.resolve("pareto/slurm/job.json"), first, out);
    String job = SlurmCluster.jobId(dir.resolve("pareto"));
    try {
      first.destroy();
      assertTrue(first.waitFor(1, TimeUnit.MINUTES));
      Launcher.Outcome again = pareto(s, "held-results", "--executor", "slurm");
      assertEquals(2, again.code(), again.out() + again.err());
      assertEquals(1, again.errLines().size(), again.err());
      assertTrue(
          again.err().contains("Slurm job array " + job + " of this folder (its Pareto search's)"),
          again.err());
      assertTrue(again.err().contains("scancel " + job), again.err());
      // A suite run on the folder is refused too: the search's tasks write there.
      Launcher.Outcome run =
          Launcher.run(
              tmp,
              Map.of(),
              "run",
              s.toString(),
              "--results",
              results.toString(),
              "--data",
              data.toString(),
              "--no-report");
      assertEquals(2, run.code(), run.out() + run.err());
      assertTrue(run.err().contains("Slurm job array " + job + " of this folder"), run.err());
    } finally {
      new ProcessBuilder("scancel", job).start().waitFor();
    }
  }

  @Test
  void aRoundWhoseTasksEndWithoutResultsStopsTheSearchWithExit1AndOneLine() throws Exception {
    // Held, then cancelled before they start: the round's tasks end without a result.
    Path s =
        suite(
            "cancelled",
            "{search: sweep, max_evaluations: 2, epochs: 1}",
            "{mem: 3G, extra_args: [--hold]}");
    Path results = tmp.resolve("cancelled-results");
    Path out = tmp.resolve("cancelled-out.txt");
    Path err = tmp.resolve("cancelled-err.txt");
    List<String> cmd =
        List.of(
            Launcher.HOME.resolve("paretoprune").toString(),
            "pareto",
            s.toString(),
            "--executor",
            "slurm",
            "--results",
            results.toString(),
            "--data",
            data.toString());
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(tmp.toFile());
    pb.environment().put("PARETOPRUNE_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("PARETOPRUNE_PLUGINS");
    Process first = pb.redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    Path dir = results.resolve("cancelled").resolve("pareto");
    SlurmCluster.awaitFile(dir.resolve("slurm/job.json"), first, out);
    String job = SlurmCluster.jobId(dir);
    SlurmCluster.command("scancel", job);
    assertTrue(first.waitFor(2, TimeUnit.MINUTES), "the waiting search did not end");
    String text = Files.readString(out);
    List<String> errLines = Files.readAllLines(err).stream().filter(l -> !l.isBlank()).toList();
    assertEquals(1, first.exitValue(), text + errLines);
    assertEquals(1, errLines.size(), errLines.toString());
    assertTrue(
        errLines.get(0).startsWith("paretoprune: 2 weighting(s) of round 1 ended without a result"),
        errLines.get(0));
    assertTrue(errLines.get(0).endsWith("run pareto again to resume"), errLines.get(0));
    assertTrue(text.contains("task " + job + "_0 (ws-c2_1.00000e-05-s1) ended CANCELLED"), text);
    assertFalse(Files.exists(dir.resolve("pareto.csv")));
  }

  @Test
  void anUnknownPartitionIsExit2WithSlurmsLineBeforeTheSearchStarts() throws Exception {
    Path s =
        suite(
            "nopart",
            "{search: sweep, max_evaluations: 2, epochs: 1}",
            "{partition: no-such-partition}");
    Launcher.Outcome o = pareto(s, "nopart", "--executor", "slurm");
    assertEquals(2, o.code(), o.out() + o.err());
    assertEquals(1, o.errLines().size(), o.err());
    assertTrue(o.err().contains("nopart.yaml: slurm: sbatch refused the job: "), o.err());
    assertTrue(o.err().contains("invalid partition specified: no-such-partition"), o.err());
    assertFalse(Files.exists(tmp.resolve("nopart/nopart/pareto")), "the search started");
  }
}
