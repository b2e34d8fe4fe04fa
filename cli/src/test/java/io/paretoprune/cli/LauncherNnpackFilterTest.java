package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The launcher drops libtorch's NNPACK line from the stderr of the commands that run inference
 * passes, and only that line; output, other errors and the exit code pass through. A stand-in
 * {@code java} first on PATH writes what libtorch and a failing command would.
 */
class LauncherNnpackFilterTest {
  private static final String NNPACK =
      "[W1202 13:24:35.069714531 NNPACK.cpp:57] Could not initialize NNPACK! Reason: Unsupported"
          + " hardware.";

  @TempDir Path tmp;
  private Path bin;

  @BeforeEach
  void standInJava() throws Exception {
    bin =
        Launcher.standInJava(
            tmp,
            "echo table\n"
                + "echo '"
                + NNPACK
                + "' >&2\n"
                + "echo 'paretoprune: results/x: not a finished run directory' >&2\n"
                + "echo '"
                + NNPACK
                + "' >&2\n"
                + "exit 3\n");
  }

  private Launcher.Outcome launch(String... args) throws Exception {
    return Launcher.run(tmp, Map.of("PATH", bin + ":" + System.getenv("PATH")), args);
  }

  @Test
  void benchEvalAndExportLoseTheNnpackLineAndNothingElse() throws Exception {
    for (String[] args :
        new String[][] {
          {"bench", "infer", "results/x"}, {"eval", "results/x"}, {"--plugins", "p", "export", "x"}
        }) {
      Launcher.Outcome o = launch(args);
      assertEquals(3, o.code(), String.join(" ", args));
      assertEquals("table\n", o.out(), String.join(" ", args));
      assertEquals("paretoprune: results/x: not a finished run directory\n", o.err());
    }
  }

  @Test
  void otherCommandsRunTheJvmAsItIs() throws Exception {
    Launcher.Outcome o = launch("run", "suite.yaml");
    assertEquals(3, o.code());
    assertEquals(
        NNPACK + "\nparetoprune: results/x: not a finished run directory\n" + NNPACK + "\n",
        o.err());
  }
}
