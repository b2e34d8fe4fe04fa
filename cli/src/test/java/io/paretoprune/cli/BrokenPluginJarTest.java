package io.paretoprune.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.testing.JarBuilder;
import io.paretoprune.pruning.PruningProvider;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every way a plug-in jar can be broken is exit 2 and one line on stderr naming the jar, the class
 * and the fault, through the real launcher and before anything runs.
 */
class BrokenPluginJarTest {
  private static final String SERVICES = "META-INF/services/" + PruningProvider.class.getName();
  @TempDir Path tmp;

  /** A pruning provider called {@code name} that prunes nothing. */
  private static String provider(String pkg, String cls, String name) {
    return """
        package %s;
        public class %s implements io.paretoprune.pruning.PruningProvider {
          public String name() { return "%s"; }
          public String description() { return "a test rule"; }
          public java.util.Map<String, String> settings() { return java.util.Map.of(); }
          public io.paretoprune.core.train.seam.StepHook create(
              io.paretoprune.core.plugin.PluginSettings s) {
            return new io.paretoprune.pruning.NoPruning();
          }
        }
        """
        .formatted(pkg, cls, name);
  }

  private Path jar(String file, JarBuilder b) throws Exception {
    return b.build(
        Files.createDirectories(tmp.resolve("plugins")).resolve(file),
        PluginJarEndToEndTest.classpath(),
        Files.createTempDirectory(tmp, "build"));
  }

  /** {@code run} of a suite that would need no plug-in: the broken jar alone must stop it. */
  private String fails(String... plugins) throws Exception {
    Path suite = SuiteFixture.write(tmp, "never", "[1]", 1, "");
    Launcher.Outcome o =
        Launcher.run(
            tmp,
            Map.of(),
            "--plugins",
            String.join(":", plugins),
            "run",
            suite.toString(),
            "--results",
            tmp.resolve("results").toString(),
            "--data",
            tmp.resolve("data").toString());
    assertEquals(2, o.code(), o.out() + o.err());
    List<String> lines = o.errLines();
    assertEquals(1, lines.size(), o.err());
    assertFalse(Files.exists(tmp.resolve("results")), "nothing ran");
    return lines.get(0);
  }

  @Test
  void aServicesLineNamingAMissingClass() throws Exception {
    jar("gone.jar", new JarBuilder().resource(SERVICES, "p.Gone\n"));
    String line = fails(tmp.resolve("plugins").toString());
    assertTrue(line.startsWith("paretoprune: gone.jar: p.Gone: class not found"), line);
  }

  @Test
  void aClassThatDoesNotImplementTheSeam() throws Exception {
    jar(
        "plain.jar",
        new JarBuilder()
            .source("p.Plain", "package p; public class Plain {}")
            .resource(SERVICES, "p.Plain"));
    assertEquals(
        "paretoprune: plain.jar: p.Plain: does not implement " + PruningProvider.class.getName(),
        fails(tmp.resolve("plugins/plain.jar").toString()));
  }

  @Test
  void aNameABuiltInHas() throws Exception {
    jar(
        "mine.jar",
        new JarBuilder()
            .source("p.Mine", provider("p", "Mine", "threshold"))
            .resource(SERVICES, "p.Mine"));
    String line = fails(tmp.resolve("plugins/mine.jar").toString());
    assertTrue(
        line.startsWith(
                "paretoprune: mine.jar: p.Mine: pruning strategy 'threshold' is already defined by io.paretoprune.pruning.provider.ThresholdProvider (built-in)")
            || line.startsWith(
                "paretoprune: mine.jar: p.Mine: PruningProvider 'threshold' is already defined by io.paretoprune.pruning.provider.ThresholdProvider (built-in)"),
        line);
  }

  @Test
  void twoJarsWithOneName() throws Exception {
    Path a =
        jar(
            "a.jar",
            new JarBuilder().source("p.A", provider("p", "A", "twin")).resource(SERVICES, "p.A"));
    Path b =
        jar(
            "b.jar",
            new JarBuilder().source("q.B", provider("q", "B", "twin")).resource(SERVICES, "q.B"));
    String line = fails(a.toString(), b.toString());
    assertTrue(line.startsWith("paretoprune: b.jar: q.B: "), line);
    assertTrue(line.endsWith("'twin' is already defined by p.A (a.jar)"), line);
  }

  @Test
  void aCorruptJar() throws Exception {
    Path bad =
        Files.writeString(
            Files.createDirectories(tmp.resolve("plugins")).resolve("bad.jar"), "no zip");
    String line = fails(bad.toString());
    assertTrue(line.startsWith("paretoprune: bad.jar: not a readable jar"), line);
  }

  @Test
  void aPathThatDoesNotExist() throws Exception {
    String line = fails(tmp.resolve("nowhere").toString());
    assertTrue(
        line.startsWith(
            "paretoprune: " + tmp.resolve("nowhere") + ": no such jar or folder (from --plugins)"),
        line);
  }
}
