package io.paretoprune.cli;

import java.io.BufferedReader;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** The PyTorch peer ({@code ref_lenet_smgd.py}) as a child process; its output lines. */
final class Peer {
  private Peer() {}

  /**
   * Runs {@code script MNIST_DIR EPOCHS MODE LIMIT THREADS} and returns what it printed.
   *
   * @throws UserInputException when it fails, with its last line
   */
  static List<String> run(
      String python, Path script, Path mnistDir, int epochs, String mode, int limit, int threads)
      throws Exception {
    ProcessBuilder pb =
        new ProcessBuilder(
                python,
                script.toString(),
                mnistDir.toString(),
                Integer.toString(epochs),
                mode,
                Integer.toString(limit),
                Integer.toString(threads))
            .redirectErrorStream(true);
    // The peer runs as a PyTorch user would run it: with the system allocator, not our preload
    // or the launcher's glibc tunables.
    pb.environment().remove("LD_PRELOAD");
    pb.environment().remove("GLIBC_TUNABLES");
    Process p = pb.start();
    List<String> lines = new ArrayList<>();
    try (BufferedReader in =
        new BufferedReader(new InputStreamReader(p.getInputStream(), StandardCharsets.UTF_8))) {
      String s;
      while ((s = in.readLine()) != null) {
        lines.add(s);
      }
    }
    if (p.waitFor() != 0) {
      throw failed(script, lines);
    }
    return lines;
  }

  /** The one-line error for a peer run that failed or printed nothing usable. */
  static UserInputException failed(Path script, List<String> lines) {
    String last = lines.isEmpty() ? "no output" : lines.get(lines.size() - 1).strip();
    return new UserInputException("peer " + script + " failed: " + last);
  }
}
