package io.paretoprune.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.XavierInitializer;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.plugin.PluginSettings;

/** Builds models by name and initialises them reproducibly. */
public final class ModelZoo {
  private ModelZoo() {}

  public static PluginRegistry<ModelFactory> registry() {
    return PluginRegistry.load(ModelFactory.class, "model");
  }

  /** Checks the name and settings without building weights. */
  public static void validate(String name, PluginSettings settings) {
    ModelFactory f = registry().get(name);
    settings.requireOnly(f);
    f.build(settings, new InputSpec(1, 28, 28, 10));
  }

  /**
   * Builds and initialises a model: Glorot-uniform kernels ({@code U(-l, l)}, {@code l = sqrt(6 /
   * (fan_in + fan_out))}, which is DJL's Xavier initializer with uniform type, averaged fans and
   * magnitude 3), zero biases, with the engine's generator seeded right before.
   */
  public static Network create(
      String name, PluginSettings settings, InputSpec input, NDManager manager, long seed) {
    ModelFactory f = registry().get(name);
    settings.requireOnly(f);
    Block block = f.build(settings, input);
    block.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
        Parameter.Type.WEIGHT);
    Seeds.seedEngine(seed);
    block.initialize(manager, DataType.FLOAT32, input.batchShape());
    return new Network(name, settings.asMap(), input, block, ParameterCatalog.of(block));
  }
}
