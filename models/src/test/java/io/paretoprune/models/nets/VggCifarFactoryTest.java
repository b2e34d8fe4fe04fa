package io.paretoprune.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.loss.Loss;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.LayerTrace;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.SyntheticImages;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class VggCifarFactoryTest {
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static Network vgg(long seed) {
    return ModelZoo.load().create("vgg-cifar", null, InputSpec.cifar10(), manager, seed);
  }

  @Test
  void everyLayerHasThePapersOutputShape() {
    List<Shape> expected = new ArrayList<>();
    int side = 32;
    for (int filters : new int[] {32, 64, 128}) {
      for (int i = 0; i < 6; i++) { // (conv, ELU, BatchNorm) twice
        expected.add(new Shape(2, filters, side, side));
      }
      side /= 2;
      expected.add(new Shape(2, filters, side, side)); // max-pool
      expected.add(new Shape(2, filters, side, side)); // dropout
    }
    expected.add(new Shape(2, 2048));
    expected.add(new Shape(2, 10));
    assertEquals(expected, LayerTrace.outputShapes(vgg(1), manager, 2));
  }

  @Test
  void parametersAreNamedByFamilyAndDenseHolds20480Weights() {
    Network net = vgg(1);
    assertEquals(
        List.of(
            "conv1", "bn1", "conv2", "bn2", "conv3", "bn3", "conv4", "bn4", "conv5", "bn5", "conv6",
            "bn6", "dense1"),
        net.catalog().layers());
    assertEquals(new Shape(32, 3, 3, 3), net.catalog().get("conv1.weight").array().getShape());
    assertEquals(new Shape(64, 32, 3, 3), net.catalog().get("conv3.weight").array().getShape());
    assertEquals(new Shape(128, 128, 3, 3), net.catalog().get("conv6.weight").array().getShape());
    assertEquals(new Shape(128), net.catalog().get("bn6.gamma").array().getShape());
    assertEquals(new Shape(10, 2048), net.catalog().get("dense1.weight").array().getShape());
    assertEquals(
        20_480,
        net.catalog().select(ParameterSelector.denseKernels()).stream()
            .mapToLong(ParameterRef::size)
            .sum());
  }

  @Test
  void runningStatisticsAreStateAndNeverTrained() {
    Network net = vgg(2);
    for (int i = 1; i <= 6; i++) {
      for (String role : List.of("runningMean", "runningVar")) {
        ParameterRef p = net.catalog().get("bn" + i + "." + role);
        assertEquals(ParameterKind.STATE, p.kind(), p.name());
        assertFalse(p.trainable(), p.name());
        assertFalse(net.catalog().trainable().contains(p), p.name());
      }
      assertEquals(ParameterKind.NORM, net.catalog().get("bn" + i + ".gamma").kind());
      assertTrue(net.catalog().get("bn" + i + ".beta").trainable());
    }
  }

  /** One training-mode pass moves the running mean by Keras' rule: 0.99 old + 0.01 batch mean. */
  @Test
  void runningMeanFollowsKerasMovingAverage() {
    Network net = vgg(3);
    int[] labels = SyntheticImages.labels(8, 10);
    NDArray x = SyntheticImages.features(manager, InputSpec.cifar10(), labels, 9);
    // Child 2 is bn1; its input is ELU(conv1(x)).
    NDArray bnInput = LayerTrace.inputOf(net, 2, x, true);
    // Per-channel mean over batch and pixels (PyTorch's mean takes one axis at a time here).
    long channels = bnInput.getShape().get(1);
    float[] batchMean =
        bnInput.transpose(1, 0, 2, 3).reshape(channels, -1).mean(new int[] {1}).toFloatArray();
    net.block().forward(new ParameterStore(manager, false), new NDList(x), true);
    float[] running = net.catalog().get("bn1.runningMean").array().toFloatArray();
    for (int c = 0; c < running.length; c++) {
      assertEquals(0.01f * batchMean[c], running[c], 1e-5f, "channel " + c);
    }
  }

  @Test
  void adamStepsOnACifarShapedBatchLowerTheLoss() {
    Network net = vgg(4);
    int[] labels = SyntheticImages.labels(20, 10);
    NDArray x = SyntheticImages.features(manager, InputSpec.cifar10(), labels, 5);
    NDArray y = manager.create(labels);
    List<ParameterRef> trainable = net.catalog().trainable();
    float[] stateBefore = net.catalog().get("bn3.runningVar").array().toFloatArray();
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(1e-3f)).build();
    ParameterStore store = new ParameterStore(manager, false);
    Loss ce = Loss.softmaxCrossEntropyLoss();
    float[] losses = new float[10];
    for (int step = 0; step < losses.length; step++) {
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        for (ParameterRef p : trainable) {
          Gradients.zero(p.array());
        }
        try (GradientCollector collector = Engine.getInstance().newGradientCollector()) {
          NDArray logits = net.block().forward(store, new NDList(x), true).singletonOrThrow();
          NDArray loss = ce.evaluate(new NDList(y), new NDList(logits));
          collector.backward(loss);
          losses[step] = loss.getFloat();
        }
      }
      // Outside the scope: the state Adam creates on its first call must live on.
      for (ParameterRef p : trainable) {
        try (NDArray g = p.array().getGradient()) {
          adam.update(p.id(), p.array(), g);
        }
      }
    }
    String trace = Arrays.toString(losses);
    System.out.println("TRACE " + trace);
    assertTrue(losses[0] > 1.5f, "initial loss " + trace);
    assertTrue(losses[9] < 0.5f * losses[0], "loss did not fall: " + trace);
    float[] stateAfter = net.catalog().get("bn3.runningVar").array().toFloatArray();
    assertFalse(Arrays.equals(stateBefore, stateAfter), "running variance never updated");
  }

  @Test
  void settingsAreChecked() {
    VggCifarFactory f = new VggCifarFactory();
    InputSpec cifar = InputSpec.cifar10();
    assertEquals(
        "dropout",
        assertThrows(
                ConfigException.class,
                () -> f.build(new PluginSettings(Map.of("dropout", List.of(0.2, 0.3))), cifar))
            .key());
    assertEquals(
        "dropout[2]",
        assertThrows(
                ConfigException.class,
                () -> f.build(new PluginSettings(Map.of("dropout", List.of(0.2, 0.3, 1.0))), cifar))
            .key());
    assertEquals(
        "filters[0]",
        assertThrows(
                ConfigException.class,
                () -> f.build(new PluginSettings(Map.of("filters", List.of(0, 8, 8))), cifar))
            .key());
    ConfigException small =
        assertThrows(
            ConfigException.class,
            () -> f.build(PluginSettings.empty(), new InputSpec(3, 6, 32, 10)));
    assertTrue(small.getMessage().contains("at least 8x8 pixels, got 6x32"), small.getMessage());
  }

  @Test
  void smallerVariantsBuildFromSettings() {
    Network net =
        ModelZoo.load()
            .create(
                "vgg-cifar",
                new PluginSettings(Map.of("filters", List.of(4, 8), "dropout", List.of(0, 0.5))),
                InputSpec.cifar10(),
                manager,
                1);
    assertEquals(new Shape(10, 8 * 8 * 8), net.catalog().get("dense1.weight").array().getShape());
  }
}
