package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/** What the tests against the one-node cluster of scripts/slurm-local.sh share. */
final class SlurmCluster {
  static final String ABSENT =
      "no Slurm controller answers (sinfo failed): start one with scripts/slurm-local.sh start";

  private SlurmCluster() {}

  /**
   * Holds the one-node cluster for a whole test class. The cli tests run in two JVMs at once
   * (surefire's forkCount), and these classes share one queue and one node: they read the whole
   * queue ({@link #queue}) and hold, cancel or drain jobs, so a class of another JVM waits here for
   * this one to end. A file lock, since the classes are in different processes; released by the OS
   * if a JVM dies.
   */
  static final class Exclusive implements BeforeAllCallback, AfterAllCallback {
    private static final Path LOCK =
        Path.of(System.getProperty("java.io.tmpdir"), "paretoprune-slurm-tests.lock");
    private FileChannel channel;
    private FileLock lock;

    @Override
    public void beforeAll(ExtensionContext context) throws IOException {
      channel = FileChannel.open(LOCK, StandardOpenOption.CREATE, StandardOpenOption.WRITE);
      lock = channel.lock();
    }

    @Override
    public void afterAll(ExtensionContext context) throws IOException {
      lock.release();
      channel.close();
    }
  }

  static boolean answers() {
    try {
      Process p = new ProcessBuilder("sinfo", "-h").redirectErrorStream(true).start();
      p.getInputStream().readAllBytes();
      return p.waitFor(30, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Runs a Slurm command, asserting it succeeds; returns its output. */
  static String command(String... cmd) throws Exception {
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(1, TimeUnit.MINUTES) && p.exitValue() == 0, List.of(cmd) + ": " + out);
    return out;
  }

  /** The ids of every job in the queue, anyone's. */
  static List<String> queue() throws Exception {
    return command("squeue", "-h", "-o", "%A").lines().map(String::strip).distinct().toList();
  }

  /** The job id recorded in {@code base/slurm/job.json} (base: a results folder or its pareto/). */
  static String jobId(Path base) throws IOException {
    return new ObjectMapper()
        .readTree(base.resolve("slurm").resolve("job.json").toFile())
        .get("jobId")
        .asText();
  }

  /** Every array recorded in {@code base/slurm/arrays.json}, oldest first. */
  static List<JsonNode> arrays(Path base) throws IOException {
    List<JsonNode> out = new ArrayList<>();
    new ObjectMapper()
        .readTree(base.resolve("slurm").resolve("arrays.json").toFile())
        .forEach(out::add);
    return out;
  }

  /** Starts ./paretoprune with this build's classpath, stdout and stderr into {@code out}. */
  static Process start(Path workDir, Path out, String... args) throws IOException {
    List<String> cmd = new ArrayList<>(List.of(Launcher.HOME.resolve("paretoprune").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().put("PARETOPRUNE_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().remove("PARETOPRUNE_PLUGINS");
    return pb.redirectErrorStream(true).redirectOutput(out.toFile()).start();
  }

  /** Waits up to 5 minutes for {@code file} while {@code p} lives. */
  static void awaitFile(Path file, Process p, Path out) throws Exception {
    long deadline = System.nanoTime() + TimeUnit.MINUTES.toNanos(5);
    while (!Files.isRegularFile(file) && p.isAlive() && System.nanoTime() < deadline) {
      Thread.sleep(100);
    }
    assertTrue(Files.isRegularFile(file), "no " + file + ": " + Files.readString(out));
  }

  /** A CSV's lines without the timing columns, which differ between any two runs. */
  static List<String> rows(Path csv) throws IOException {
    List<String> lines = Files.readAllLines(csv);
    List<String> header = Arrays.asList(lines.get(0).split(",", -1));
    List<Integer> timing = new ArrayList<>();
    for (int i = 0; i < header.size(); i++) {
      if (header.get(i).equals("seconds") || header.get(i).equals("wall_seconds")) {
        timing.add(i);
      }
    }
    List<String> out = new ArrayList<>();
    for (String l : lines) {
      List<String> f = new ArrayList<>(Arrays.asList(l.split(",", -1)));
      for (int i = timing.size() - 1; i >= 0; i--) {
        f.remove((int) timing.get(i));
      }
      out.add(String.join(",", f));
    }
    return out;
  }

  static void assertSameRows(Path expectedRuns, Path actualRuns, List<String> ids)
      throws IOException {
    for (String id : ids) {
      for (String csv : List.of("epochs.csv", "layers.csv")) {
        assertEquals(
            rows(expectedRuns.resolve(id).resolve(csv)),
            rows(actualRuns.resolve(id).resolve(csv)),
            id + "/" + csv);
      }
    }
  }
}
