package io.paretoprune.models.nets;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.seam.ModelPacker;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import java.util.Map;
import java.util.Optional;

/**
 * The paper's LeNet-5: conv 6@3x3 ReLU, avg-pool 2, conv 16@3x3 ReLU, avg-pool 2, flatten, dense
 * 120 ReLU, dense 84 ReLU, dense {@code classes} (logits; the softmax is in the loss). Convolutions
 * are unpadded ("valid"), so MNIST's 28x28 flattens to 16x5x5 = 400 and the dense kernels hold
 * 48,000 + 10,080 + 840 = 58,920 weights. No settings.
 */
public final class LeNet5Factory implements ModelFactory {
  /** Smallest side for which both conv+pool stages leave at least one pixel. */
  static final int MIN_SIDE = 10;

  @Override
  public String name() {
    return "lenet5";
  }

  @Override
  public String description() {
    return "LeNet-5 (paper): conv 6@3x3, avg-pool, conv 16@3x3, avg-pool, dense 120-84-classes";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public Optional<ModelPacker> packer(PluginSettings settings) {
    return Optional.of(new LeNet5Packer());
  }

  @Override
  public Block build(PluginSettings settings, InputSpec input) {
    if (input.height() < MIN_SIDE || input.width() < MIN_SIDE) {
      throw new ConfigException(
          null,
          "model '"
              + name()
              + "' needs images of at least "
              + MIN_SIDE
              + "x"
              + MIN_SIDE
              + " pixels, got "
              + input.height()
              + "x"
              + input.width());
    }
    return new SequentialBlock()
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(6).build())
        .add(Activation.reluBlock())
        .add(Pool.avgPool2dBlock(new Shape(2, 2)))
        .add(Conv2d.builder().setKernelShape(new Shape(3, 3)).setFilters(16).build())
        .add(Activation.reluBlock())
        .add(Pool.avgPool2dBlock(new Shape(2, 2)))
        .add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(120).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(84).build())
        .add(Activation.reluBlock())
        .add(Linear.builder().setUnits(input.classes()).build());
  }
}
