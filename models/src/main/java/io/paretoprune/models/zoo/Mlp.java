package io.paretoprune.models.zoo;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import java.util.Map;

/** A multilayer perceptron on flattened inputs: ReLU hidden layers of the given widths. */
public final class Mlp implements ModelFactory {
  @Override
  public String name() {
    return "mlp";
  }

  @Override
  public String description() {
    return "multilayer perceptron, ReLU hidden layers (quick experiments)";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of("widths", "hidden layer widths, e.g. [300, 100] (the default)");
  }

  @Override
  public Block build(PluginSettings settings, InputSpec input) {
    double[] widths = settings.getDoubles("widths", new double[] {300, 100});
    SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
    for (int i = 0; i < widths.length; i++) {
      double w = widths[i];
      if (w < 1 || w != Math.rint(w) || w > 1 << 20) {
        throw new ConfigException("widths[" + i + "]", "must be a whole number >= 1, got " + w);
      }
      net.add(Linear.builder().setUnits((long) w).build()).add(Activation.reluBlock());
    }
    return net.add(Linear.builder().setUnits(input.classes()).build());
  }
}
