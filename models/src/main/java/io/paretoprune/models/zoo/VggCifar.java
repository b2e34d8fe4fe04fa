package io.paretoprune.models.zoo;

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
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import java.util.Map;

/**
 * The paper's VGG-like CIFAR-10 net: three blocks of [conv 3x3 same ELU, BatchNorm, conv 3x3 same
 * ELU, BatchNorm, max-pool 2, dropout] with 32/64/128 filters and dropout 0.2/0.3/0.4, then flatten
 * (2,048 for 32x32 inputs) and one dense layer to the classes (20,480 dense weights).
 */
public final class VggCifar implements ModelFactory {
  private static final int[] FILTERS = {32, 64, 128};
  private static final float[] DROPOUT = {0.2f, 0.3f, 0.4f};

  @Override
  public String name() {
    return "vgg-cifar";
  }

  @Override
  public String description() {
    return "VGG-like CIFAR-10 net of the paper: 3x[2 conv ELU+BN, max-pool, dropout], dense 10";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of();
  }

  @Override
  public Block build(PluginSettings settings, InputSpec input) {
    SequentialBlock net = new SequentialBlock();
    for (int b = 0; b < FILTERS.length; b++) {
      for (int c = 0; c < 2; c++) {
        net.add(
            Conv2d.builder()
                .setKernelShape(new Shape(3, 3))
                .optPadding(new Shape(1, 1))
                .setFilters(FILTERS[b])
                .build());
        net.add(Activation.eluBlock(1f));
        net.add(BatchNorm.builder().build());
      }
      net.add(Pool.maxPool2dBlock(new Shape(2, 2)));
      net.add(Dropout.builder().optRate(DROPOUT[b]).build());
    }
    net.add(Blocks.batchFlattenBlock());
    net.add(Linear.builder().setUnits(input.classes()).build());
    return net;
  }
}
