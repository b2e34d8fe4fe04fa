package io.paretoprune.core.testing;

import java.io.IOException;
import java.io.OutputStream;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.jar.JarEntry;
import java.util.jar.JarOutputStream;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;

/**
 * Builds a plug-in jar the way a user's separate project would: Java sources compiled against a
 * classpath with {@code javac}, packed with their resources into a jar that no test classpath
 * holds.
 */
public final class JarBuilder {
  private final List<Path> sources = new ArrayList<>();
  private final Map<String, String> sourceTexts = new LinkedHashMap<>();
  private final Map<String, byte[]> resources = new LinkedHashMap<>();

  /**
   * Where {@code types} were loaded from (a classes folder or a jar): a classpath to compile
   * against.
   */
  public static List<Path> locationsOf(Class<?>... types) {
    List<Path> out = new ArrayList<>();
    for (Class<?> t : types) {
      try {
        Path p = Path.of(t.getProtectionDomain().getCodeSource().getLocation().toURI());
        if (!out.contains(p)) {
          out.add(p);
        }
      } catch (java.net.URISyntaxException e) {
        throw new IllegalStateException(e);
      }
    }
    return out;
  }

  /** A source file as it is on disk. */
  public JarBuilder source(Path file) {
    sources.add(file);
    return this;
  }

  /** Every {@code .java} file below {@code dir}. */
  public JarBuilder sourceTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      s.filter(p -> p.toString().endsWith(".java")).sorted().forEach(sources::add);
    }
    return this;
  }

  /** A source given as text; {@code className} is its fully qualified top-level class. */
  public JarBuilder source(String className, String text) {
    sourceTexts.put(className, text);
    return this;
  }

  /** A resource entry, e.g. {@code META-INF/services/<interface>}. */
  public JarBuilder resource(String entry, String text) {
    resources.put(entry, text.getBytes(StandardCharsets.UTF_8));
    return this;
  }

  /** Every file below {@code dir} as a resource under its relative path. */
  public JarBuilder resourceTree(Path dir) throws IOException {
    try (Stream<Path> s = Files.walk(dir)) {
      for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
        resources.put(dir.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
      }
    }
    return this;
  }

  /**
   * Compiles against {@code classpath} into {@code work/classes} and writes {@code jar}.
   *
   * @throws IllegalStateException with javac's messages when compilation fails
   */
  public Path build(Path jar, List<Path> classpath, Path work) throws IOException {
    Path classes = Files.createDirectories(work.resolve("classes"));
    Path src = Files.createDirectories(work.resolve("src"));
    List<String> files = new ArrayList<>();
    sources.forEach(p -> files.add(p.toString()));
    for (Map.Entry<String, String> e : sourceTexts.entrySet()) {
      Path f = src.resolve(e.getKey().replace('.', '/') + ".java");
      Files.createDirectories(f.getParent());
      Files.writeString(f, e.getValue());
      files.add(f.toString());
    }
    if (!files.isEmpty()) {
      compile(files, classpath, classes);
    }
    Files.createDirectories(jar.toAbsolutePath().getParent());
    try (JarOutputStream out = new JarOutputStream(Files.newOutputStream(jar))) {
      try (Stream<Path> s = Files.walk(classes)) {
        for (Path p : s.filter(Files::isRegularFile).sorted().toList()) {
          put(out, classes.relativize(p).toString().replace('\\', '/'), Files.readAllBytes(p));
        }
      }
      for (Map.Entry<String, byte[]> e : resources.entrySet()) {
        put(out, e.getKey(), e.getValue());
      }
    }
    return jar;
  }

  private static void compile(List<String> files, List<Path> classpath, Path classes) {
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    List<String> args = new ArrayList<>(List.of("--release", "17", "-proc:none", "-nowarn"));
    args.addAll(List.of("-d", classes.toString()));
    args.addAll(
        List.of(
            "-cp",
            String.join(
                java.io.File.pathSeparator, classpath.stream().map(Path::toString).toList())));
    args.addAll(files);
    StringWriter log = new StringWriter();
    OutputStream errors =
        new OutputStream() {
          @Override
          public void write(int b) {
            log.write(b);
          }
        };
    if (javac.run(null, errors, errors, args.toArray(String[]::new)) != 0) {
      throw new IllegalStateException("javac failed:\n" + log);
    }
  }

  private static void put(JarOutputStream out, String name, byte[] bytes) throws IOException {
    out.putNextEntry(new JarEntry(name));
    out.write(bytes);
    out.closeEntry();
  }
}
