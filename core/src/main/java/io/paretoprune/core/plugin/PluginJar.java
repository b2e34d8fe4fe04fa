package io.paretoprune.core.plugin;

/**
 * One plug-in jar as a run's manifest records it: its file name and the SHA-256 of its bytes, so a
 * result can be traced to the exact plug-in code that produced it.
 */
public record PluginJar(String jar, String sha256) {}
