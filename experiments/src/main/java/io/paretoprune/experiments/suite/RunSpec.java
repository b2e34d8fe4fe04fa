package io.paretoprune.experiments.suite;

import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.util.List;

/**
 * Everything one run needs, self-contained: it travels as JSON to the JVM that trains it, and its
 * hash identifies the configuration in the manifest.
 *
 * @param runId {@code <label>-s<seed>}, safe as a directory name
 */
public record RunSpec(
    String suite,
    String runId,
    String label,
    SuiteSpec.DatasetSpec dataset,
    SuiteSpec.PluginSpec model,
    List<SuiteSpec.ObjectiveSpec> objectives,
    SuiteSpec.PluginSpec optimizer,
    SuiteSpec.PluginSpec pruning,
    long seed,
    int epochs,
    int batchSize,
    int evalBatchSize,
    int maxStepsPerEpoch,
    int threads) {

  static final ObjectMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(MapperFeature.SORT_PROPERTIES_ALPHABETICALLY)
          .build();

  /** A directory-safe id from a free-form label. */
  public static String runId(String label, long seed) {
    String safe = label.replaceAll("[^A-Za-z0-9_.-]+", "_");
    return safe + "-s" + seed;
  }

  public String toJson() {
    try {
      return JSON.writeValueAsString(this);
    } catch (Exception e) {
      throw new IllegalStateException("cannot serialise run " + runId, e);
    }
  }

  public static RunSpec fromJson(String json) {
    try {
      return JSON.readValue(json, RunSpec.class);
    } catch (Exception e) {
      throw new IllegalArgumentException("not a run spec: " + e.getMessage(), e);
    }
  }

  /**
   * The hash of what determines this run's result, with the loaded plug-in jars; see {@link
   * RunConfigHash}.
   */
  public String configHash() {
    return RunConfigHash.of(this, PluginJarHashes.current());
  }
}
