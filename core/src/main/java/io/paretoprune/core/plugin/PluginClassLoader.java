package io.paretoprune.core.plugin;

import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Path;
import java.security.CodeSource;
import java.util.List;

/**
 * The class loader of the plug-in jars (parent: the application's). Its own type marks a class as
 * coming from a plug-in jar, so {@link #origin} can tell a plug-in from a built-in.
 */
final class PluginClassLoader extends URLClassLoader {
  static {
    registerAsParallelCapable();
  }

  PluginClassLoader(List<Path> jars, ClassLoader parent) {
    super("paretoprune-plugins", urls(jars), parent);
  }

  private static URL[] urls(List<Path> jars) {
    return jars.stream()
        .map(
            p -> {
              try {
                return p.toUri().toURL();
              } catch (java.net.MalformedURLException e) {
                throw new PluginLoadException(p.toString(), null, "not a usable path");
              }
            })
        .toArray(URL[]::new);
  }

  /** {@code built-in}, or the file name of the plug-in jar {@code type} was loaded from. */
  static String origin(Class<?> type) {
    if (!(type.getClassLoader() instanceof PluginClassLoader)) {
      return PluginRegistry.BUILT_IN;
    }
    CodeSource source = type.getProtectionDomain().getCodeSource();
    if (source == null || source.getLocation() == null) {
      return "a plug-in jar";
    }
    try {
      return Path.of(source.getLocation().toURI()).getFileName().toString();
    } catch (java.net.URISyntaxException | IllegalArgumentException e) {
      return source.getLocation().toString();
    }
  }
}
