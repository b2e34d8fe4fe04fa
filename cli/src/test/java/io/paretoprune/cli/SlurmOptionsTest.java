package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The slurm executor's mistakes a user can make on the command line or in the suite, each one line
 * and exit 2 before anything is submitted or a results folder is made (no cluster needed).
 */
class SlurmOptionsTest {
  @TempDir Path tmp;

  private Path suite(String extra) throws Exception {
    return SuiteFixture.write(tmp, "opts", "[1]", 1, extra);
  }

  private void refused(CliRun.Outcome o, String... parts) {
    assertEquals(2, o.code(), o.out() + o.err());
    assertFalse(o.line().contains("\n"), o.err());
    for (String p : parts) {
      assertTrue(o.line().contains(p), o.err());
    }
    assertFalse(Files.exists(tmp.resolve("results").resolve("opts")), "a results folder was made");
  }

  @Test
  void aBadSlurmKeyNamesTheFileAndKey() throws Exception {
    refused(
        CliRun.suite(suite("slurm: {time: soon}"), tmp.resolve("results"), tmp.resolve("data")),
        "opts.yaml: slurm.time: ");
    refused(
        CliRun.suite(suite("slurm: {queue: debug}"), tmp.resolve("results"), tmp.resolve("data")),
        "opts.yaml: slurm.queue: unknown key");
    refused(
        CliRun.suite(
            suite("runner: {executor: cloud}"), tmp.resolve("results"), tmp.resolve("data")),
        "opts.yaml: runner.executor: unknown executor 'cloud'");
  }

  @Test
  void theCommandLineExecutorAndDetachAreChecked() throws Exception {
    Path s = suite("");
    refused(
        CliRun.suite(s, tmp.resolve("results"), tmp.resolve("data"), "--executor", "pbs"),
        "--executor: unknown executor 'pbs'; known: local, slurm");
    refused(
        CliRun.suite(s, tmp.resolve("results"), tmp.resolve("data"), "--detach"),
        "--detach: only the slurm executor can detach");
  }

  @Test
  void paretosExecutorOptionIsChecked() throws Exception {
    Path s = suite("pareto: {search: sweep}");
    CliRun.Outcome o =
        CliRun.run(
            "pareto",
            s.toString(),
            "--results",
            tmp.resolve("results").toString(),
            "--data",
            tmp.resolve("data").toString(),
            "--executor",
            "pbs");
    refused(o, "--executor: unknown executor 'pbs'; known: local, slurm");
  }

  @Test
  void statusNeedsASuitesResultsFolder() throws Exception {
    CliRun.Outcome o = CliRun.run("status", tmp.toString());
    assertEquals(2, o.code(), o.err());
    assertEquals(
        tmp + ": not a suite's results folder (no suite.yaml)",
        o.line().replace("paretoprune: ", ""));
  }
}
