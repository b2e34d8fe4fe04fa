package io.paretoprune.models.sparse;

import io.paretoprune.models.InputSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code compact.json} of a compacted export: the zoo model and settings, the width of every
 * compacted layer before and after, the parameters' shapes and nonzeros, and the checksum of the
 * DJL parameter file beside it. docs/results-format.md describes it.
 *
 * @param format layout version
 * @param runId the run it was exported from
 * @param model the zoo factory's name
 * @param settings the factory's settings
 * @param input example shape and class count
 * @param before units per compacted layer in the pruned network
 * @param widths units per compacted layer after compaction
 * @param removed units and channels removed in all
 * @param parameters per parameter in network order
 * @param parametersFile the DJL parameter file beside this one
 * @param parametersSha256 SHA-256 of that file, hex
 * @param maxLogitDifference largest |logit| difference to the pruned network on the export's check
 *     inputs
 */
public record CompactManifest(
    int format,
    String runId,
    String model,
    Map<String, Object> settings,
    InputSpec input,
    Map<String, Integer> before,
    Map<String, Integer> widths,
    int removed,
    List<Parameter> parameters,
    String parametersFile,
    String parametersSha256,
    double maxLogitDifference) {

  /** The layout this code writes and reads. */
  public static final int FORMAT = 1;

  /** One parameter of the compacted network. */
  public record Parameter(String name, long[] shape, long size, long nonzeros) {}
}
