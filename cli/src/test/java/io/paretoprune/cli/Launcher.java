package io.paretoprune.cli;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/**
 * Starts the real {@code ./paretoprune} launcher script with this build's classpath (through {@code
 * PARETOPRUNE_CLASSPATH}, so the script builds nothing), as a user would from a shell.
 */
final class Launcher {
  /** The project's root, where the script lives (tests run in the cli module's folder). */
  static final Path HOME = Path.of("..").toAbsolutePath().normalize();

  record Outcome(int code, String out, String err) {
    List<String> errLines() {
      return err.lines().filter(l -> !l.isBlank()).toList();
    }
  }

  private Launcher() {}

  /**
   * Writes an executable {@code dir/bin/java} that runs {@code script} (sh) instead of a JVM, and
   * returns {@code dir/bin}: first on PATH, it shows what the launcher hands the JVM.
   */
  static Path standInJava(Path dir, String script) throws IOException {
    Path bin = Files.createDirectories(dir.resolve("bin"));
    Path standIn = bin.resolve("java");
    Files.writeString(standIn, "#!/bin/sh\n" + script);
    Files.setPosixFilePermissions(standIn, PosixFilePermissions.fromString("rwxr-xr-x"));
    return bin;
  }

  static Outcome run(Path workDir, Map<String, String> env, String... args)
      throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(HOME.resolve("paretoprune").toString()));
    cmd.addAll(List.of(args));
    ProcessBuilder pb = new ProcessBuilder(cmd).directory(workDir.toFile());
    pb.environment().remove("PARETOPRUNE_PLUGINS");
    pb.environment().put("PARETOPRUNE_CLASSPATH", System.getProperty("java.class.path"));
    pb.environment().putAll(env);
    Path out = Files.createTempFile(workDir, "out", ".txt");
    Path err = Files.createTempFile(workDir, "err", ".txt");
    pb.redirectOutput(out.toFile()).redirectError(err.toFile());
    Process p = pb.start();
    if (!p.waitFor(10, TimeUnit.MINUTES)) {
      p.destroyForcibly();
      throw new IllegalStateException("paretoprune " + String.join(" ", args) + " hung");
    }
    return new Outcome(
        p.exitValue(),
        Files.readString(out, StandardCharsets.UTF_8),
        Files.readString(err, StandardCharsets.UTF_8));
  }
}
