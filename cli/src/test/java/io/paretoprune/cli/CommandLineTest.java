package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Exit codes and one-line errors of the command line. */
class CommandLineTest {
  @TempDir Path tmp;

  private record Outcome(int code, String out, String err) {}

  private static Outcome run(String... args) {
    PrintStream oldOut = System.out;
    PrintStream oldErr = System.err;
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ByteArrayOutputStream err = new ByteArrayOutputStream();
    try {
      System.setOut(new PrintStream(out, true, StandardCharsets.UTF_8));
      System.setErr(new PrintStream(err, true, StandardCharsets.UTF_8));
      int code = Main.execute(args);
      return new Outcome(
          code, out.toString(StandardCharsets.UTF_8), err.toString(StandardCharsets.UTF_8));
    } finally {
      System.setOut(oldOut);
      System.setErr(oldErr);
    }
  }

  /** {@code run SUITE --results tmp/r --data DATA [extra...]}. */
  private Outcome runSuite(Path suite, Path data, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                suite.toString(),
                "--results",
                tmp.resolve("r").toString(),
                "--data",
                data.toString()));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  @Test
  void listShowsThePluginsFromTheRegistries() {
    Outcome o = run("list", "optimizers");
    assertEquals(0, o.code());
    assertTrue(o.out().contains("smgd"), o.out());
    String combiners = run("list", "combiners").out();
    assertTrue(combiners.contains("min-norm-unit"), combiners);
    assertTrue(combiners.contains("epoch-norm"), combiners);
    assertTrue(combiners.contains("initial-loss"), combiners);
    assertTrue(combiners.contains("epochs per window, >= 1 (default 1)"), combiners);
    assertTrue(run("list", "pruning").out().contains("threshold"));
    assertTrue(run("list", "models").out().contains("lenet5"));
    assertTrue(run("list", "datasets").out().contains("cifar10"));
  }

  @Test
  void badUsageIsExitTwo() {
    assertEquals(2, run("list", "fruit").code());
    assertEquals(2, run("frobnicate").code());
  }

  @Test
  void aBrokenSuiteIsOneLineNamingFileAndKeyAndExitTwo() throws Exception {
    Path suite = SuiteFixture.write(tmp, "broken", "[1]", 1, "");
    Files.writeString(suite, Files.readString(suite).replace("name: smgd", "name: smdg"));
    Outcome o = runSuite(suite, tmp.resolve("data"));
    assertEquals(2, o.code());
    String line = o.err().strip();
    assertFalse(line.contains("\n"), line);
    assertTrue(
        line.contains(suite.toString()) && line.contains("optimizers[0]") && line.contains("smdg"),
        line);
    assertFalse(line.contains("Exception"), line);
  }

  @Test
  void aMissingSuiteFileIsExitTwo() {
    Outcome o = run("run", tmp.resolve("nope.yaml").toString());
    assertEquals(2, o.code());
    assertTrue(o.err().contains("nope.yaml"), o.err());
  }

  @Test
  void aMissingDataFileIsOneLineAndExitTwo() throws Exception {
    Path suite = SuiteFixture.write(tmp, "nodata", "[1]", 1, "");
    Files.delete(tmp.resolve("data/mnist/t10k-labels-idx1-ubyte"));
    Outcome o = runSuite(suite, tmp.resolve("data"), "--no-report");
    assertEquals(2, o.code(), o.out() + o.err());
    assertTrue(o.err().contains("t10k-labels-idx1-ubyte"), o.err());
    assertFalse(o.err().strip().contains("\n"), o.err());
  }

  @Test
  void epochBenchChecksItsOptionsBeforeTraining() {
    Outcome zero = run("bench", "epoch", "--peer", tmp.toString(), "--epochs", "0");
    assertEquals(2, zero.code(), zero.out() + zero.err());
    assertTrue(zero.err().contains("--epochs"), zero.err());
    Outcome missing = run("bench", "epoch", "--peer", tmp.resolve("nope.py").toString());
    assertEquals(2, missing.code(), missing.out() + missing.err());
    assertTrue(missing.err().contains("nope.py"), missing.err());
    assertFalse(missing.err().strip().contains("\n"), missing.err());
  }

  @Test
  void lstmBenchTimesBothPathsAndChecksItsOptions() {
    Outcome zero = run("bench", "lstm", "--frames", "0");
    assertEquals(2, zero.code(), zero.out() + zero.err());
    assertTrue(zero.err().contains("--frames must be at least 1, got 0"), zero.err());
    assertFalse(zero.err().strip().contains("\n"), zero.err());
    Outcome tiny =
        run(
            "bench",
            "lstm",
            "--cells",
            "4",
            "--batch",
            "2",
            "--frames",
            "3",
            "--rounds",
            "2",
            "--reps",
            "1");
    assertEquals(0, tiny.code(), tiny.out() + tiny.err());
    assertTrue(tiny.out().contains("LSTM 4 cells, 4 features, batch 2 x 3 frames"), tiny.out());
    assertEquals(
        2, tiny.out().lines().filter(l -> l.matches("\\| [12] \\|.*x \\|")).count(), tiny.out());
    assertTrue(tiny.out().contains("over 2 rounds"), tiny.out());
  }

  @Test
  void aMissingFetchableDatasetIsFetchedFirstAndAFailedFetchIsOneLine() throws Exception {
    Path suite = SuiteFixture.write(tmp, "fresh", "[1]", 1, "");
    Path empty = Files.createDirectories(tmp.resolve("empty-data"));
    String home = System.getProperty("paretoprune.home");
    // A home without scripts/: the fetch is attempted and fails without touching the network.
    System.setProperty("paretoprune.home", tmp.toString());
    try {
      Outcome o = runSuite(suite, empty, "--no-report");
      assertEquals(2, o.code(), o.out() + o.err());
      assertTrue(o.out().contains("fetching it first"), o.out());
      assertTrue(o.err().contains("fetch-data.sh"), o.err());
      assertFalse(o.err().strip().contains("\n"), o.err());
    } finally {
      if (home == null) {
        System.clearProperty("paretoprune.home");
      } else {
        System.setProperty("paretoprune.home", home);
      }
    }
  }
}
