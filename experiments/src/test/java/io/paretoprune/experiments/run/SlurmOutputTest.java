package io.paretoprune.experiments.run;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Map;
import org.junit.jupiter.api.Test;

/** Reading Slurm's own output, as Slurm 22.05 printed it on the one-node cluster. */
class SlurmOutputTest {
  @Test
  void sbatchsRefusalIsItsFirstErrorLine() {
    var r =
        new SlurmCommands.Result(
            1,
            "",
            "sbatch: error: invalid partition specified: nope\n"
                + "sbatch: error: Batch job submission failed: Invalid partition name specified\n");
    assertEquals("sbatch: error: invalid partition specified: nope", r.errorLine());
    assertEquals("exit code 1", new SlurmCommands.Result(1, "", "\n").errorLine());
    assertEquals(
        "allocation failure: x",
        new SlurmCommands.Result(1, "", "note\nallocation failure: x\n").errorLine());
  }

  @Test
  void aCompletionLineGivesTheTasksStateAndExitCode() {
    Map<String, String> f =
        SlurmTaskStates.fields(
            "JobId=3 UserId=root(0) GroupId=root(0) Name=t.sh JobState=FAILED Partition=debug"
                + " TimeLimit=UNLIMITED NodeList=localhost ArrayJobId=1 ArrayTaskId=1"
                + " DerivedExitCode=0:0 ExitCode=3:0 ");
    assertEquals("FAILED", f.get("JobState"));
    assertEquals("1", f.get("ArrayJobId"));
    assertEquals("1", f.get("ArrayTaskId"));
    assertEquals("3:0", f.get("ExitCode"));
  }

  @Test
  void arrayTaskIdsOfTasksThatNeverStartedAreRanges() {
    // scontrol -o show job of an array cancelled while pending: one record for both tasks.
    assertEquals(java.util.List.of(0, 1), SlurmTaskStates.indices("0-1"));
    assertEquals(java.util.List.of(7), SlurmTaskStates.indices("7"));
    assertEquals(java.util.List.of(1, 4, 5, 6), SlurmTaskStates.indices("1,4-6"));
    assertEquals(java.util.List.of(0, 2, 4, 6, 8), SlurmTaskStates.indices("0-8:2%1"));
    assertEquals(java.util.List.of(), SlurmTaskStates.indices("N/A"));
    assertEquals(java.util.List.of(), SlurmTaskStates.indices(""));
  }

  @Test
  void batchScriptArgumentsAreQuotedOnlyWhenNeeded() {
    assertEquals("/shared/results/a.json", SlurmLauncher.quote("/shared/results/a.json"));
    assertEquals("'/my results/x'", SlurmLauncher.quote("/my results/x"));
    assertEquals("'it'\\''s'", SlurmLauncher.quote("it's"));
  }
}
