package io.paretoprune.models.store;

import io.paretoprune.models.InputSpec;
import java.util.List;
import java.util.Map;

/**
 * The {@code model.json} of a saved network: enough to rebuild it through the zoo, plus what it
 * looks like (sparsity per parameter) and what wrote it.
 *
 * @param format layout version of this file
 * @param model the factory's name
 * @param settings the factory's settings
 * @param input example shape and class count
 * @param parametersFile the DJL parameter file beside this one
 * @param parametersSha256 SHA-256 of that file, hex; a changed or truncated file is refused
 * @param parameters per parameter in catalog order: shape, nonzeros, sparsity
 * @param versions ParetoPrune, DJL and engine versions that wrote the files
 */
public record ModelManifest(
    int format,
    String model,
    Map<String, Object> settings,
    InputSpec input,
    String parametersFile,
    String parametersSha256,
    List<ParameterSparsity> parameters,
    Map<String, String> versions) {

  /** The layout this code writes and reads. */
  public static final int FORMAT = 1;
}
