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
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * A task that hits its time limit (TIMEOUT) and one whose node fails (NODE_FAIL), on the one-node
 * cluster of scripts/slurm-local.sh, through ./paretoprune: each leaves its epoch checkpoint, the
 * waiting command reports the task's Slurm state, and the rerun submits only the unfinished run and
 * ends with rows identical to an uninterrupted local run's.
 *
 * <p>Tagged {@code slow} (excluded by default; {@code -Dtest.excludedGroups=} runs them): Slurm's
 * time limits are whole minutes, so the TIMEOUT test waits at least 60 s, and about 100 s in all,
 * for its task to be ended; the whole class takes 3-4 minutes. The node failure downs the only
 * node, which kills every job on it: that test runs only when the queue is empty before it starts.
 */
@Tag("slurm")
@ExtendWith(SlurmCluster.Exclusive.class)
@Tag("slow")
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SlurmFaultsTest {
  private static final String NODE = "localhost";

  @TempDir static Path tmp;
  private Path data;
  private String referenceOut;

  @BeforeAll
  void clusterDataAndReference() throws Exception {
    Assumptions.assumeTrue(SlurmCluster.answers(), SlurmCluster.ABSENT);
    data = tmp.resolve("data");
    // Enough images that an epoch outlasts the test's poll, so a task is caught mid-run.
    IdxFiles.writeMnistLayout(
        data.resolve("mnist"),
        SyntheticData.squares(3000, 10, 28, 1),
        SyntheticData.squares(200, 10, 28, 2));
    Launcher.Outcome local = run(suite("reference", "", "{}"), "reference", "--executor", "local");
    assertEquals(0, local.code(), local.out() + local.err());
    referenceOut = local.out();
  }

  /** Two runs of three epochs; names differ per test, the runs (and their rows) do not. */
  private Path suite(String name, String runner, String slurm) throws IOException {
    String yaml =
        """
        name: %s
        dataset: {name: mnist, train_limit: 2000}
        model: {name: lenet5}
        objectives:
          - {name: f1, loss: cross_entropy, l2: {on: conv.kernel, factor: 1.0e-4}}
          - {name: f2, l1: {on: dense.kernel}}
        optimizers:
          - {label: SMGD, name: smgd, settings: {lr: 0.01}}
          - {label: SGD+L1, name: weighted, settings: {weights: [1.0, 3.0e-4], step: sgd, lr: 0.01}}
        pruning: {name: threshold}
        seeds: [1]
        epochs: 3
        batch_size: 32
        threads_per_run: 1
        parallel: 2
        runner: {pack: 1%s}
        slurm: %s
        """
            .formatted(name, runner, slurm);
    Path file = tmp.resolve(name + ".yaml");
    Files.writeString(file, yaml);
    return file;
  }

  private Launcher.Outcome run(Path suite, String results, String... extra) throws Exception {
    List<String> args = new ArrayList<>(List.of("run", suite.toString()));
    args.addAll(runArgs(results));
    args.addAll(List.of(extra));
    return Launcher.run(tmp, Map.of(), args.toArray(String[]::new));
  }

  private List<String> runArgs(String results) {
    return List.of(
        "--results", tmp.resolve(results).toString(), "--data", data.toString(), "--no-report");
  }

  /** The array index whose task trains {@code runId}, from the job record. */
  private static int taskOf(Path resultsDir, String runId) throws IOException {
    JsonNode tasks =
        new ObjectMapper().readTree(resultsDir.resolve("slurm/job.json").toFile()).get("tasks");
    for (int i = 0; i < tasks.size(); i++) {
      for (JsonNode id : tasks.get(i)) {
        if (id.asText().equals(runId)) {
          return i;
        }
      }
    }
    throw new AssertionError(runId + " in no task of " + tasks);
  }

  /**
   * Starts {@code run} of {@code suite} through Slurm, waits until SMGD-s1 has its first epoch
   * checkpoint, applies {@code fault} to that task, waits for the command; returns its output.
   */
  private String interrupted(Path suite, String results, Fault fault) throws Exception {
    Path out = tmp.resolve(results + "-out.txt");
    List<String> args = new ArrayList<>(List.of("run", suite.toString()));
    args.addAll(runArgs(results));
    Process first = SlurmCluster.start(tmp, out, args.toArray(String[]::new));
    Path dir = tmp.resolve(results).resolve(suite.getFileName().toString().replace(".yaml", ""));
    Path runs = dir.resolve("runs");
    SlurmCluster.awaitFile(runs.resolve(".checkpoints/SMGD-s1.ckpt"), first, out);
    String task = SlurmCluster.jobId(dir) + "_" + taskOf(dir, "SMGD-s1");
    try {
      fault.apply(task);
    } finally {
      assertTrue(first.waitFor(5, TimeUnit.MINUTES), "the waiting run did not end");
    }
    String text = Files.readString(out);
    assertEquals(1, first.exitValue(), text);
    assertTrue(Files.isRegularFile(runs.resolve(".checkpoints/SMGD-s1.ckpt")), text);
    assertFalse(Files.isRegularFile(runs.resolve("SMGD-s1/manifest.json")), text);
    assertTrue(text.contains("] SGD_L1-s1 completed"), text);
    return text;
  }

  @FunctionalInterface
  private interface Fault {
    void apply(String task) throws Exception;
  }

  /**
   * The rerun: only SMGD-s1 is submitted, from its checkpoint, and every row is the reference's.
   */
  private void rerunEqualsTheReference(Path suite, String results) throws Exception {
    Path dir = tmp.resolve(results).resolve(suite.getFileName().toString().replace(".yaml", ""));
    Launcher.Outcome second = run(suite, results);
    assertEquals(0, second.code(), second.out() + second.err());
    assertTrue(
        second.out().contains("1 already done, 1 to run (1 from an epoch checkpoint)"),
        second.out());
    List<JsonNode> arrays = SlurmCluster.arrays(dir);
    assertEquals(2, arrays.size(), arrays.toString());
    assertEquals("[[\"SMGD-s1\"]]", arrays.get(1).get("tasks").toString());
    SlurmCluster.assertSameRows(
        tmp.resolve("reference/reference/runs"),
        dir.resolve("runs"),
        List.of("SMGD-s1", "SGD_L1-s1"));
    JsonNode manifest =
        new ObjectMapper().readTree(dir.resolve("runs/SMGD-s1/manifest.json").toFile());
    assertTrue(manifest.get("resumedAfterEpochs").size() > 0, manifest.toString());
  }

  @Test
  void aTaskPastItsTimeLimitEndsTimeoutAndTheRerunResumesItToIdenticalRows() throws Exception {
    Path s = suite("timeout", ", executor: slurm", "{mem: 3G, time: 1}");
    String out =
        interrupted(
            s,
            "timeout",
            // Frozen (SIGSTOP through Slurm) the task outlasts its one minute without using the
            // CPU that training on for a minute would; Slurm's clock runs on.
            task -> SlurmCluster.command("scancel", "--batch", "--signal=STOP", task));
    assertTrue(out.contains(") ended TIMEOUT (exit "), out);
    assertTrue(out.contains("] SMGD-s1 failed: Slurm task "), out);
    assertTrue(out.contains("DUE TO TIME LIMIT"), out); // slurmstepd's line, in the stderr tail
    // The epochs read from the checkpoint are the lines a local run prints.
    String line =
        referenceOut
            .lines()
            .filter(l -> l.startsWith("  SMGD-s1: epoch 1/3 "))
            .findFirst()
            .orElseThrow();
    assertTrue(out.contains(line + "\n"), line + " not in " + out);
    rerunEqualsTheReference(s, "timeout");
  }

  @Test
  void aTaskWhoseNodeFailsEndsNodeFailAndTheRerunResumesItToIdenticalRows() throws Exception {
    Assumptions.assumeTrue(
        SlurmCluster.queue().isEmpty(),
        "jobs are queued on the cluster: downing its node would kill them");
    // --no-requeue: by default Slurm puts a batch job whose node failed back in the queue (it then
    // resumes from its checkpoint by itself, after a delay); here it is to end NODE_FAIL.
    // max_parallel 1: SGD_L1-s1 waits for the node and completes after it is back.
    Path s =
        suite(
            "nodefail",
            ", executor: slurm",
            "{mem: 3G, max_parallel: 1, extra_args: [--no-requeue]}");
    String out =
        interrupted(
            s,
            "nodefail",
            task -> {
              try {
                SlurmCluster.command(
                    "scontrol",
                    "update",
                    "nodename=" + NODE,
                    "state=down",
                    "reason=paretoprune-test");
              } finally {
                // ReturnToService=2 brings it back when slurmd registers again; resume in any case.
                new ProcessBuilder("scontrol", "update", "nodename=" + NODE, "state=resume")
                    .start()
                    .waitFor();
              }
            });
    assertTrue(out.contains(") ended NODE_FAIL (exit "), out);
    assertTrue(out.contains("] SMGD-s1 failed: Slurm task "), out);
    rerunEqualsTheReference(s, "nodefail");
  }
}
