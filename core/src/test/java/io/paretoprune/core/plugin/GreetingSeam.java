package io.paretoprune.core.plugin;

/** A seam only the plug-in tests use: plug-in jars compiled in a test implement it. */
public interface GreetingSeam extends Plugin {
  String greet();
}
