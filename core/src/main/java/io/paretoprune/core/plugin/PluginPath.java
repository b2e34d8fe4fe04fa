package io.paretoprune.core.plugin;

import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Stream;

/**
 * The plug-in jars of this process: every jar in {@code <home>/plugins}, then the paths of {@code
 * --plugins}, then those of {@code $PARETOPRUNE_PLUGINS} (each a jar or a folder of jars, joined by
 * {@code :}). {@link #install} checks them all and makes them visible to {@link PluginRegistry}
 * through the thread's context class loader; a run's own JVM gets the same list through {@link
 * #SYSTEM_PROPERTY}.
 */
public final class PluginPath {
  /** The environment variable with more plug-in paths. */
  public static final String ENV = "PARETOPRUNE_PLUGINS";

  /** How a parent hands its plug-in jars to a run's JVM: absolute paths joined by {@code :}. */
  public static final String SYSTEM_PROPERTY = "paretoprune.plugins";

  private static final PluginPath NONE = new PluginPath(List.of(), List.of());
  private static volatile PluginPath installed = NONE;

  private final List<Path> paths;
  private final List<PluginJar> jars;

  private PluginPath(List<Path> paths, List<PluginJar> jars) {
    this.paths = List.copyOf(paths);
    this.jars = List.copyOf(jars);
  }

  /**
   * The jars named by the project home's {@code plugins/} folder (skipped when {@code home} is null
   * or has none), the {@code --plugins} value and the environment value (either may be null).
   *
   * @throws PluginLoadException for a path that does not exist or is not a jar or folder
   */
  public static PluginPath resolve(Path home, String option, String env) {
    Set<Path> found = new LinkedHashSet<>();
    if (home != null && Files.isDirectory(home.resolve("plugins"))) {
      found.addAll(jarsIn(home.resolve("plugins")));
    }
    addAll(found, option, "--plugins");
    addAll(found, env, "$" + ENV);
    List<Path> list = new ArrayList<>(found);
    List<PluginJar> jars = new ArrayList<>();
    for (Path p : list) {
      jars.add(new PluginJar(p.getFileName().toString(), sha256(p)));
    }
    return new PluginPath(list, jars);
  }

  /** The jars a parent process passed in {@link #SYSTEM_PROPERTY} (none when it is unset). */
  public static PluginPath fromSystemProperty() {
    return resolve(null, System.getProperty(SYSTEM_PROPERTY), null);
  }

  /** The jars {@link #install} made visible in this process; empty before. */
  public static PluginPath installed() {
    return installed;
  }

  /**
   * Checks every jar (readable, each services line names a loadable class implementing its seam
   * with a public no-argument constructor, no name taken twice), then installs a class loader over
   * them as this thread's context class loader. Nothing is installed when a check fails.
   *
   * @return this
   * @throws PluginLoadException naming the jar, the class and the fault
   */
  public PluginPath install() {
    if (paths.isEmpty()) {
      installed = this;
      return this;
    }
    ClassLoader app = PluginPath.class.getClassLoader();
    PluginClassLoader loader = new PluginClassLoader(paths, app);
    Set<Class<? extends Plugin>> seams = new LinkedHashSet<>();
    for (Path jar : paths) {
      seams.addAll(ServicesCheck.check(jar, loader));
    }
    Thread thread = Thread.currentThread();
    ClassLoader previous = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      // Loading each seam the jars add to finds names taken twice, before anything runs.
      for (Class<? extends Plugin> seam : seams) {
        PluginRegistry.load(seam, PluginRegistry.kindOf(seam));
      }
    } catch (RuntimeException e) {
      thread.setContextClassLoader(previous);
      throw e;
    }
    installed = this;
    return this;
  }

  /** Absolute paths of the jars, in load order. */
  public List<Path> paths() {
    return paths;
  }

  /** Each jar's file name and SHA-256, in load order (recorded in every run's manifest). */
  public List<PluginJar> jars() {
    return jars;
  }

  /** The value of {@link #SYSTEM_PROPERTY} that gives a child JVM these jars. */
  public String asProperty() {
    return String.join(File.pathSeparator, paths.stream().map(Path::toString).toList());
  }

  private static void addAll(Set<Path> found, String value, String source) {
    if (value == null || value.isBlank()) {
      return;
    }
    for (String part : value.split(File.pathSeparator)) {
      if (part.isBlank()) {
        continue;
      }
      Path p = Path.of(part.strip()).toAbsolutePath().normalize();
      if (Files.isDirectory(p)) {
        found.addAll(jarsIn(p));
      } else if (Files.isRegularFile(p)) {
        found.add(p);
      } else {
        throw new PluginLoadException(part, null, "no such jar or folder (from " + source + ")");
      }
    }
  }

  /** The {@code *.jar} files directly in {@code dir}, by name. */
  private static List<Path> jarsIn(Path dir) {
    try (Stream<Path> s = Files.list(dir)) {
      return s.filter(p -> p.getFileName().toString().endsWith(".jar"))
          .filter(Files::isRegularFile)
          .map(p -> p.toAbsolutePath().normalize())
          .sorted()
          .toList();
    } catch (IOException e) {
      throw new PluginLoadException(dir.toString(), null, "cannot list the folder: " + e);
    }
  }

  private static String sha256(Path jar) {
    MessageDigest digest;
    try {
      digest = MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every Java has SHA-256", e);
    }
    try (InputStream in = new DigestInputStream(Files.newInputStream(jar), digest)) {
      in.transferTo(OutputStream.nullOutputStream());
    } catch (IOException e) {
      throw new PluginLoadException(jar.getFileName().toString(), null, "cannot read: " + e);
    }
    return HexFormat.of().formatHex(digest.digest());
  }
}
