package io.paretoprune.models;

import ai.djl.nn.Block;
import io.paretoprune.core.plugin.Plugin;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.task.ExampleKind;
import io.paretoprune.core.train.seam.ModelPacker;
import java.util.Optional;

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

  /**
   * The kind of example the blocks read; a suite whose data set's task poses another kind is
   * refused before any run. Images unless a factory says otherwise.
   */
  default ExampleKind examples() {
    return ExampleKind.IMAGES;
  }

  /**
   * A packer for the blocks {@link #build} makes with these settings, so that several runs train as
   * one network ({@link io.paretoprune.core.train.engine.PackedTrainer}); empty (the default) when
   * the model cannot be packed, and its runs then train one per process.
   */
  default Optional<ModelPacker> packer(PluginSettings settings) {
    return Optional.empty();
  }
}
