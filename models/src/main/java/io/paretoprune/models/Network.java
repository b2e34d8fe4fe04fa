package io.paretoprune.models;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.plugin.PluginSettings;

/**
 * An initialised network of the zoo.
 *
 * @param block the DJL block, parameters allocated and initialised
 * @param input the example shape and class count it was built for
 * @param catalog its parameters under stable names ({@code conv1.weight}, {@code dense2.bias})
 * @param model the factory's name, e.g. {@code lenet5}
 * @param settings the settings it was built with
 */
public record Network(
    Block block, InputSpec input, ParameterCatalog catalog, String model, PluginSettings settings) {

  /** Logits for a batch {@code [n, channels, height, width]} in inference mode (no dropout). */
  public NDArray logits(NDArray x) {
    return block
        .forward(new ParameterStore(x.getManager(), false), new NDList(x), false)
        .singletonOrThrow();
  }
}
