package io.paretoprune.core.plugin;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.reflect.Modifier;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;

/**
 * Checks the {@code META-INF/services} lines of one plug-in jar the way {@link
 * java.util.ServiceLoader} would use them (load, check the type, create once, ask the name), but
 * names the jar and the class in the error, which a {@link java.util.ServiceConfigurationError}
 * does not. Services files of interfaces that are no ParetoPrune seam (a library bundled in the
 * jar) are left alone.
 */
final class ServicesCheck {
  private static final String SERVICES = "META-INF/services/";

  private ServicesCheck() {}

  /** The seams {@code jar} adds plug-ins to; a {@link PluginLoadException} on the first fault. */
  static Set<Class<? extends Plugin>> check(Path jar, ClassLoader loader) {
    String name = jar.getFileName().toString();
    Set<Class<? extends Plugin>> seams = new LinkedHashSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      Enumeration<JarEntry> entries = file.entries();
      while (entries.hasMoreElements()) {
        JarEntry e = entries.nextElement();
        if (e.isDirectory() || !e.getName().startsWith(SERVICES)) {
          continue;
        }
        Class<? extends Plugin> seam = seam(e.getName().substring(SERVICES.length()), loader);
        if (seam == null) {
          continue;
        }
        for (String line : lines(file, e)) {
          checkProvider(name, line, seam, loader);
        }
        seams.add(seam);
      }
    } catch (IOException | SecurityException e) {
      throw new PluginLoadException(name, null, "not a readable jar: " + e.getMessage());
    }
    return seams;
  }

  private static Class<? extends Plugin> seam(String interfaceName, ClassLoader loader) {
    try {
      Class<?> type = Class.forName(interfaceName, false, loader);
      return type.isInterface() && Plugin.class.isAssignableFrom(type)
          ? type.asSubclass(Plugin.class)
          : null;
    } catch (ClassNotFoundException | LinkageError e) {
      return null;
    }
  }

  private static void checkProvider(
      String jar, String className, Class<?> seam, ClassLoader loader) {
    Class<?> type;
    try {
      type = Class.forName(className, false, loader);
    } catch (ClassNotFoundException e) {
      throw new PluginLoadException(
          jar, className, "class not found (named in " + SERVICES + seam.getName() + ")");
    } catch (LinkageError e) {
      throw new PluginLoadException(jar, className, "cannot be loaded: " + e);
    }
    if (!seam.isAssignableFrom(type)) {
      throw new PluginLoadException(jar, className, "does not implement " + seam.getName());
    }
    if (!Modifier.isPublic(type.getModifiers()) || Modifier.isAbstract(type.getModifiers())) {
      throw new PluginLoadException(jar, className, "must be a public, non-abstract class");
    }
    Object instance;
    try {
      instance = type.getConstructor().newInstance();
    } catch (NoSuchMethodException | IllegalAccessException e) {
      throw new PluginLoadException(jar, className, "has no public no-argument constructor");
    } catch (java.lang.reflect.InvocationTargetException e) {
      throw new PluginLoadException(jar, className, "its constructor failed: " + e.getCause());
    } catch (InstantiationException | LinkageError | RuntimeException e) {
      throw new PluginLoadException(jar, className, "cannot be created: " + e);
    }
    String name;
    try {
      name = ((Plugin) instance).name();
    } catch (RuntimeException | LinkageError e) {
      throw new PluginLoadException(jar, className, "name() failed: " + e);
    }
    if (name == null || name.isBlank() || !name.equals(name.strip())) {
      throw new PluginLoadException(
          jar, className, "name() must be a non-empty word, got '" + name + "'");
    }
  }

  /** The class names of a services file: one a line, {@code #} starts a comment. */
  private static List<String> lines(JarFile file, JarEntry entry) throws IOException {
    List<String> out = new ArrayList<>();
    try (BufferedReader r =
        new BufferedReader(
            new InputStreamReader(file.getInputStream(entry), StandardCharsets.UTF_8))) {
      String line;
      while ((line = r.readLine()) != null) {
        int hash = line.indexOf('#');
        String name = (hash >= 0 ? line.substring(0, hash) : line).strip();
        if (!name.isEmpty()) {
          out.add(name);
        }
      }
    }
    return out;
  }
}
