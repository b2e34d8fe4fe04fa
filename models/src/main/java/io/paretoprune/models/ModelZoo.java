package io.paretoprune.models;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.training.initializer.Initializer;
import ai.djl.training.initializer.XavierInitializer;
import io.paretoprune.core.engine.Seeds;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.plugin.PluginSettings;
import java.util.List;

/**
 * The model factories on the classpath, and the one place networks are built and initialised.
 *
 * <p>Initialisation follows Keras' defaults, as the paper's code used them: kernels of dense and
 * convolutional layers Glorot-uniform, {@code U(-l, l)} with {@code l = sqrt(6 / (fan_in +
 * fan_out))} (DJL's Xavier initializer, uniform, averaged fans, magnitude 3: {@code sqrt(3 /
 * ((fan_in + fan_out) / 2))}); biases zero; BatchNorm scale one and shift zero. The engine's
 * generator is seeded right before initialisation, so one seed gives the same weights every time.
 */
public final class ModelZoo {
  /** Keras' {@code glorot_uniform}. */
  public static final Initializer GLOROT_UNIFORM =
      new XavierInitializer(
          XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3);

  private final PluginRegistry<ModelFactory> registry;

  private ModelZoo(PluginRegistry<ModelFactory> registry) {
    this.registry = registry;
  }

  /** The factories registered in {@code META-INF/services/io.paretoprune.models.ModelFactory}. */
  public static ModelZoo load() {
    return new ModelZoo(PluginRegistry.load(ModelFactory.class, "model"));
  }

  /** The factory called {@code name}; a {@link ConfigException} listing the known ones if none. */
  public ModelFactory factory(String name) {
    return registry.get(name);
  }

  public List<ModelFactory> all() {
    return registry.all();
  }

  /**
   * Checks a model's name and settings by building its block, without allocating weights.
   *
   * @throws ConfigException naming the unknown model or the bad setting
   */
  public void validate(String name, PluginSettings settings, InputSpec input) {
    ModelFactory factory = factory(name);
    PluginSettings checked = settings == null ? PluginSettings.empty() : settings;
    checked.requireOnly(factory);
    factory.build(checked, input);
  }

  /**
   * Builds and initialises a network.
   *
   * @param name the factory's name, e.g. {@code lenet5}
   * @param settings the factory's settings; unknown keys are a {@link ConfigException}
   * @param input example shape and class count
   * @param manager owns the parameter arrays
   * @param seed seeds the initial weights
   */
  public Network create(
      String name, PluginSettings settings, InputSpec input, NDManager manager, long seed) {
    ModelFactory factory = factory(name);
    PluginSettings checked = (settings == null ? PluginSettings.empty() : settings);
    checked.requireOnly(factory);
    Block block = factory.build(checked, input);
    block.setInitializer(GLOROT_UNIFORM, Parameter.Type.WEIGHT);
    block.setInitializer(Initializer.ZEROS, Parameter.Type.BIAS);
    Seeds.seedEngine(seed);
    block.initialize(manager, DataType.FLOAT32, input.batchShape());
    return new Network(block, input, ParameterCatalog.of(block), factory.name(), checked);
  }
}
