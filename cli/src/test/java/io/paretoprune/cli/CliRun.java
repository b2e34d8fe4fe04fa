package io.paretoprune.cli;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** Runs the command line in this JVM and captures its exit code and output. */
final class CliRun {
  record Outcome(int code, String out, String err) {
    /** stderr as one stripped line; the tests assert it has no line break. */
    String line() {
      return err.strip();
    }
  }

  private CliRun() {}

  static Outcome run(String... args) {
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

  /** {@code run SUITE --results RESULTS --data DATA --no-report [extra...]}. */
  static Outcome suite(Path suite, Path results, Path data, String... extra) {
    List<String> args =
        new ArrayList<>(
            List.of(
                "run",
                suite.toString(),
                "--results",
                results.toString(),
                "--data",
                data.toString(),
                "--no-report"));
    args.addAll(List.of(extra));
    return run(args.toArray(String[]::new));
  }

  /** The same command in a JVM of its own (for what is per process, like file locks). */
  static ProcessBuilder suiteProcess(Path suite, Path results, Path data) {
    return new ProcessBuilder(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-cp",
        System.getProperty("java.class.path"),
        Main.class.getName(),
        "run",
        suite.toString(),
        "--results",
        results.toString(),
        "--data",
        data.toString(),
        "--no-report");
  }
}
