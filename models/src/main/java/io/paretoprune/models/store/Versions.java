package io.paretoprune.models.store;

import ai.djl.engine.Engine;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;

/** The versions recorded with a saved model. */
final class Versions {
  private static final String RESOURCE = "/io/paretoprune/models/version.properties";

  private Versions() {}

  /** ParetoPrune's version, from the build (a Maven-filtered resource). */
  static String paretoPrune() {
    try (InputStream in = Versions.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException("resource " + RESOURCE + " missing from the build");
      }
      Properties p = new Properties();
      p.load(in);
      return p.getProperty("version");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  static Map<String, String> current() {
    Engine engine = Engine.getInstance();
    Map<String, String> v = new LinkedHashMap<>();
    v.put("paretoprune", paretoPrune());
    v.put("djl", Engine.getDjlVersion());
    v.put("engine", engine.getEngineName() + " " + engine.getVersion());
    return v;
  }
}
