package io.paretoprune.core.testing;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import ai.djl.training.initializer.XavierInitializer;
import io.paretoprune.core.engine.Seeds;

/** Small networks for the core's own tests (the model zoo lives in the models module). */
public final class TestNets {
  private TestNets() {}

  /** A LeNet-5-shaped CNN for 1x28x28 inputs, Glorot-uniform initialised from {@code seed}. */
  public static SequentialBlock lenet(NDManager manager, long seed) {
    SequentialBlock net =
        new SequentialBlock()
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
            .add(Linear.builder().setUnits(10).build());
    return init(net, manager, seed, new Shape(1, 1, 28, 28));
  }

  /** A two-layer perceptron for flat inputs of {@code in} features. */
  public static SequentialBlock mlp(NDManager manager, long seed, int in, int hidden, int out) {
    SequentialBlock net =
        new SequentialBlock()
            .add(Blocks.batchFlattenBlock())
            .add(Linear.builder().setUnits(hidden).build())
            .add(Activation.reluBlock())
            .add(Linear.builder().setUnits(out).build());
    return init(net, manager, seed, new Shape(1, in));
  }

  private static SequentialBlock init(SequentialBlock net, NDManager m, long seed, Shape input) {
    net.setInitializer(
        new XavierInitializer(
            XavierInitializer.RandomType.UNIFORM, XavierInitializer.FactorType.AVG, 3),
        Parameter.Type.WEIGHT);
    Seeds.seedEngine(seed);
    net.initialize(m, DataType.FLOAT32, input);
    return net;
  }
}
