package io.paretoprune.core.plugin;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.testing.JarBuilder;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class PluginPathTest {
  private static final String SERVICES = "META-INF/services/" + GreetingSeam.class.getName();
  @TempDir Path tmp;
  private final ClassLoader context = Thread.currentThread().getContextClassLoader();

  @AfterEach
  void restore() {
    Thread.currentThread().setContextClassLoader(context);
  }

  static String greeting(String cls, String name) {
    return """
        package p;
        public class %s implements io.paretoprune.core.plugin.GreetingSeam {
          public String name() { return "%s"; }
          public String description() { return "says hello"; }
          public java.util.Map<String, String> settings() { return java.util.Map.of(); }
          public String greet() { return "hello from %s"; }
        }
        """
        .formatted(cls, name, cls);
  }

  private Path jar(String file, JarBuilder b) throws IOException {
    Path dir = Files.createDirectories(tmp.resolve("plugins"));
    return b.build(
        dir.resolve(file),
        JarBuilder.locationsOf(Plugin.class, GreetingSeam.class),
        Files.createTempDirectory(tmp, "build"));
  }

  @Test
  void loadsAFolderOfJarsRecordsTheirHashAndShowsTheirOrigin() throws Exception {
    Path jar =
        jar(
            "hello.jar",
            new JarBuilder()
                .source("p.Hello", greeting("Hello", "hello"))
                .resource(SERVICES, "p.Hello\n"));
    PluginPath path = PluginPath.resolve(null, tmp.resolve("plugins").toString(), null).install();
    String sha =
        HexFormat.of()
            .formatHex(MessageDigest.getInstance("SHA-256").digest(Files.readAllBytes(jar)));
    assertEquals(List.of(new PluginJar("hello.jar", sha)), path.jars());
    assertEquals(path, PluginPath.installed());
    GreetingSeam hello = PluginRegistry.load(GreetingSeam.class, "greeting").get("hello");
    assertEquals("hello from Hello", hello.greet());
    assertEquals("hello.jar", PluginRegistry.origin(hello));
    assertEquals(PluginRegistry.BUILT_IN, PluginRegistry.origin(Datasets.get("mnist")));
    assertTrue(PluginRegistry.loaded().stream().anyMatch(r -> r.seam() == GreetingSeam.class));
  }

  @Test
  void aServicesLineNamingAMissingClassNamesJarAndClass() throws Exception {
    jar("missing.jar", new JarBuilder().resource(SERVICES, "# a comment\np.Gone\n"));
    PluginLoadException e = fails(tmp.resolve("plugins").toString());
    assertEquals("missing.jar", e.file());
    assertEquals("p.Gone", e.key());
    assertTrue(e.problem().startsWith("class not found"), e.problem());
  }

  @Test
  void aClassThatDoesNotImplementTheSeamNamesJarAndClass() throws Exception {
    jar(
        "wrong.jar",
        new JarBuilder()
            .source("p.Plain", "package p; public class Plain {}")
            .resource(SERVICES, "p.Plain"));
    PluginLoadException e = fails(tmp.resolve("plugins").toString());
    assertEquals(
        "wrong.jar: p.Plain: does not implement " + GreetingSeam.class.getName(), e.getMessage());
  }

  @Test
  void aConstructorThatThrowsNamesJarAndClass() throws Exception {
    String angry =
        greeting("Angry", "angry")
            .replace(
                "public String greet()",
                "public Angry() { throw new IllegalStateException(\"no\"); }\n  public String greet()");
    jar("angry.jar", new JarBuilder().source("p.Angry", angry).resource(SERVICES, "p.Angry"));
    PluginLoadException e = fails(tmp.resolve("plugins").toString());
    assertEquals(
        "angry.jar: p.Angry: its constructor failed: java.lang.IllegalStateException: no",
        e.getMessage());
  }

  @Test
  void twoJarsWithOneNameNameTheSecond() throws Exception {
    jar("a.jar", new JarBuilder().source("p.A", greeting("A", "twin")).resource(SERVICES, "p.A"));
    jar(
        "b.jar",
        new JarBuilder()
            .source("q.B", greeting("B", "twin").replace("package p;", "package q;"))
            .resource(SERVICES, "q.B"));
    PluginLoadException e = fails(tmp.resolve("plugins").toString());
    assertEquals("b.jar", e.file());
    assertEquals("q.B", e.key());
    assertTrue(e.problem().contains("'twin' is already defined by p.A (a.jar)"), e.problem());
    assertEquals(context, Thread.currentThread().getContextClassLoader(), "nothing installed");
  }

  @Test
  void aNameABuiltInHasIsTaken() throws Exception {
    String mnist =
        "package p; public class Mine extends io.paretoprune.core.data.IdxDataset {"
            + " public Mine() { super(\"mnist\", \"mine\", \"ask me\"); } }";
    jar(
        "mine.jar",
        new JarBuilder()
            .source("p.Mine", mnist)
            .resource("META-INF/services/" + DatasetDescriptor.class.getName(), "p.Mine"));
    PluginLoadException e = fails(tmp.resolve("plugins").resolve("mine.jar").toString());
    assertEquals("mine.jar", e.file());
    assertEquals("p.Mine", e.key());
    assertTrue(
        e.problem()
            .contains(
                "'mnist' is already defined by io.paretoprune.core.data.MnistDataset (built-in)"),
        e.problem());
  }

  @Test
  void aCorruptJarOrAMissingPathIsOneFault() throws Exception {
    Path bad =
        Files.writeString(
            Files.createDirectories(tmp.resolve("plugins")).resolve("bad.jar"), "not a zip");
    PluginLoadException e = fails(bad.toString());
    assertEquals("bad.jar", e.file());
    assertTrue(e.problem().startsWith("not a readable jar"), e.problem());
    e =
        assertThrows(
            PluginLoadException.class,
            () -> PluginPath.resolve(null, null, tmp.resolve("nope.jar").toString()));
    assertTrue(
        e.getMessage().contains("nope.jar: no such jar or folder (from $PARETOPRUNE_PLUGINS)"),
        e.getMessage());
  }

  @Test
  void homePluginsComeFirstAndAJarNamedTwiceLoadsOnce() throws Exception {
    Path jar =
        jar(
            "hello.jar",
            new JarBuilder()
                .source("p.Hello", greeting("Hello", "hello"))
                .resource(SERVICES, "p.Hello"));
    PluginPath path = PluginPath.resolve(tmp, jar.toString(), tmp.resolve("plugins").toString());
    assertEquals(List.of(jar.toAbsolutePath().normalize()), path.paths());
    assertEquals(jar.toAbsolutePath().normalize().toString(), path.asProperty());
  }

  private PluginLoadException fails(String option) {
    return assertThrows(
        PluginLoadException.class, () -> PluginPath.resolve(null, option, null).install());
  }
}
