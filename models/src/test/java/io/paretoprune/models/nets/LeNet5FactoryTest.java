package io.paretoprune.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.LayerTrace;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class LeNet5FactoryTest {
  private static NDManager manager;
  private static Network net;

  @BeforeAll
  static void build() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
    net = ModelZoo.load().create("lenet5", null, InputSpec.mnist(), manager, 1);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @Test
  void everyLayerHasThePapersOutputShape() {
    List<Shape> shapes = LayerTrace.outputShapes(net, manager, 2);
    List<Shape> expected =
        List.of(
            new Shape(2, 6, 26, 26), // conv 6@3x3
            new Shape(2, 6, 26, 26), // ReLU
            new Shape(2, 6, 13, 13), // avg-pool 2
            new Shape(2, 16, 11, 11), // conv 16@3x3
            new Shape(2, 16, 11, 11), // ReLU
            new Shape(2, 16, 5, 5), // avg-pool 2
            new Shape(2, 400), // flatten
            new Shape(2, 120),
            new Shape(2, 120),
            new Shape(2, 84),
            new Shape(2, 84),
            new Shape(2, 10));
    assertEquals(expected, shapes);
  }

  @Test
  void parametersHaveStableNamesAndShapes() {
    Map<String, Shape> expected = new LinkedHashMap<>();
    expected.put("conv1.weight", new Shape(6, 1, 3, 3));
    expected.put("conv1.bias", new Shape(6));
    expected.put("conv2.weight", new Shape(16, 6, 3, 3));
    expected.put("conv2.bias", new Shape(16));
    expected.put("dense1.weight", new Shape(120, 400));
    expected.put("dense1.bias", new Shape(120));
    expected.put("dense2.weight", new Shape(84, 120));
    expected.put("dense2.bias", new Shape(84));
    expected.put("dense3.weight", new Shape(10, 84));
    expected.put("dense3.bias", new Shape(10));
    Map<String, Shape> actual = new LinkedHashMap<>();
    for (ParameterRef p : net.catalog().all()) {
      actual.put(p.name(), p.array().getShape());
    }
    assertEquals(expected, actual);
    assertEquals(List.of("conv1", "conv2", "dense1", "dense2", "dense3"), net.catalog().layers());
  }

  @Test
  void denseKernelsHoldThePapers58920Weights() {
    long total =
        net.catalog().select(ParameterSelector.denseKernels()).stream()
            .mapToLong(ParameterRef::size)
            .sum();
    assertEquals(48_000 + 10_080 + 840, total);
    assertEquals(58_920, total);
  }

  @Test
  void logitsHaveOneColumnPerClass() {
    Network five = ModelZoo.load().create("lenet5", null, new InputSpec(3, 32, 32, 5), manager, 1);
    assertEquals(new Shape(4, 5), five.logits(manager.zeros(new Shape(4, 3, 32, 32))).getShape());
    // 32x32 -> 30 -> 15 -> 13 -> 6: 16 * 6 * 6 = 576 inputs to dense1
    assertEquals(new Shape(120, 576), five.catalog().get("dense1.weight").array().getShape());
  }

  @Test
  void tooSmallImagesAreRefused() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> new LeNet5Factory().build(PluginSettings.empty(), new InputSpec(1, 8, 28, 10)));
    assertTrue(e.getMessage().contains("at least 10x10 pixels, got 8x28"), e.getMessage());
  }

  @Test
  void anySettingIsUnknown() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ModelZoo.load()
                    .create(
                        "lenet5",
                        new PluginSettings(Map.of("filters", 6)),
                        InputSpec.mnist(),
                        manager,
                        1));
    assertEquals("filters", e.key());
    assertTrue(e.getMessage().contains("known: none"), e.getMessage());
  }
}
