package io.paretoprune.models;

import ai.djl.nn.Block;
import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;

/**
 * The model seam: a DJL block for inputs of a given shape. Initialisation (Glorot-uniform kernels,
 * zero biases, seeded) is done by {@link ModelZoo}, not by the factory. Register an implementation
 * in {@code META-INF/services/io.paretoprune.models.ModelFactory}.
 */
public interface ModelFactory extends Plugin {
  /**
   * @param settings the suite's settings (unknown keys already rejected)
   * @param input the shape of one example and the number of classes
   */
  Block build(PluginSettings settings, InputSpec input);
}
