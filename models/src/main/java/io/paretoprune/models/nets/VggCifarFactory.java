package io.paretoprune.models.nets;

import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.BatchNorm;
import ai.djl.nn.norm.Dropout;
import ai.djl.nn.pooling.Pool;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import java.util.Map;

/**
 * The paper's VGG-like net for CIFAR-10: per block, conv 3x3 "same" ELU, BatchNorm, conv 3x3 "same"
 * ELU, BatchNorm, max-pool 2, dropout; 32/64/128 filters and dropout 0.2/0.3/0.4 in the three
 * blocks; then flatten (128x4x4 = 2,048 on 32x32 inputs) and one dense layer to the logits (20,480
 * weights).
 *
 * <p>BatchNorm uses Keras' defaults as the paper's code did: moving averages with momentum 0.99
 * ({@code running = 0.99 running + 0.01 batch}) and epsilon 1e-3. The running statistics are state,
 * not trained. The one block list in a flat {@link SequentialBlock} keeps layer names {@code
 * conv1..conv6}, {@code bn1..bn6}, {@code dense1}.
 */
public final class VggCifarFactory implements ModelFactory {
  static final int[] DEFAULT_FILTERS = {32, 64, 128};
  static final float[] DEFAULT_DROPOUT = {0.2f, 0.3f, 0.4f};
  static final float BN_MOMENTUM = 0.99f;
  static final float BN_EPSILON = 1e-3f;

  @Override
  public String name() {
    return "vgg-cifar";
  }

  @Override
  public String description() {
    return "VGG-like CIFAR-10 net (paper): 3 blocks of 2 conv 3x3 ELU+BatchNorm, max-pool, dropout";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(
        "filters", "filters of each block's two convolutions (default [32, 64, 128])",
        "dropout", "dropout rate after each block (default [0.2, 0.3, 0.4])");
  }

  @Override
  public Block build(PluginSettings settings, InputSpec input) {
    int[] filters = SettingLists.wholeNumbers(settings, "filters", DEFAULT_FILTERS, 1, 1 << 16);
    float[] dropout = SettingLists.rates(settings, "dropout", DEFAULT_DROPOUT);
    if (filters.length == 0) {
      throw new ConfigException("filters", "needs at least one block");
    }
    if (dropout.length != filters.length) {
      throw new ConfigException(
          "dropout",
          "needs one rate per block ("
              + filters.length
              + " blocks in filters), got "
              + dropout.length);
    }
    int shrink = 1 << filters.length;
    if (input.height() < shrink || input.width() < shrink) {
      throw new ConfigException(
          null,
          "model '"
              + name()
              + "' with "
              + filters.length
              + " blocks halves the image "
              + filters.length
              + " times and needs at least "
              + shrink
              + "x"
              + shrink
              + " pixels, got "
              + input.height()
              + "x"
              + input.width());
    }
    SequentialBlock net = new SequentialBlock();
    for (int b = 0; b < filters.length; b++) {
      for (int c = 0; c < 2; c++) {
        net.add(
                Conv2d.builder()
                    .setKernelShape(new Shape(3, 3))
                    .optPadding(new Shape(1, 1))
                    .setFilters(filters[b])
                    .build())
            .add(Activation.eluBlock(1f))
            .add(BatchNorm.builder().optMomentum(BN_MOMENTUM).optEpsilon(BN_EPSILON).build());
      }
      net.add(Pool.maxPool2dBlock(new Shape(2, 2)))
          .add(Dropout.builder().optRate(dropout[b]).build());
    }
    return net.add(Blocks.batchFlattenBlock())
        .add(Linear.builder().setUnits(input.classes()).build());
  }
}
