package io.paretoprune.experiments.suite;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;

/**
 * The hash that says whether a finished run is still the run a suite asks for.
 *
 * <p>It covers everything that changes a run's numbers: the data set's name and limits, model and
 * settings, objectives, optimizer and settings, pruning and settings, seed, epochs, batch size,
 * eval batch size, steps cap, and the hashes of loaded plug-in jars. It leaves out what does not:
 * thread counts and parallelism, paths (the data set's directory), the suite's name (another name
 * is another results folder) and the label (it is the run id, so a new label is a new run). The
 * code's version is left out too, so upgrading ParetoPrune does not invalidate finished suites.
 */
public final class RunConfigHash {
  private RunConfigHash() {}

  /** SHA-256, hex, of {@code spec}'s canonical JSON plus the plug-in jars' hashes. */
  public static String of(RunSpec spec, Map<String, String> pluginJarSha256) {
    SuiteSpec.DatasetSpec d = spec.dataset();
    RunSpec canonical =
        new RunSpec(
            "",
            "",
            "",
            new SuiteSpec.DatasetSpec(
                d.name(), null, d.trainLimit(), d.testLimit(), d.batchOrder()),
            spec.model(),
            spec.objectives(),
            spec.optimizer(),
            spec.pruning(),
            spec.seed(),
            spec.epochs(),
            spec.batchSize(),
            spec.evalBatchSize(),
            spec.maxStepsPerEpoch(),
            0);
    StringBuilder text = new StringBuilder(canonical.toJson());
    // Appended only when there are plug-ins, so hashes of suites without them stay as they were.
    if (!pluginJarSha256.isEmpty()) {
      text.append("\nplugin-jars:");
      new java.util.TreeMap<>(pluginJarSha256)
          .forEach((jar, sha) -> text.append('\n').append(jar).append(' ').append(sha));
    }
    return sha256(text.toString());
  }

  private static String sha256(String text) {
    try {
      byte[] d = MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(d);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("the JVM lacks SHA-256", e);
    }
  }
}
