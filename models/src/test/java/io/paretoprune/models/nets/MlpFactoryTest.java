package io.paretoprune.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.LayerTrace;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class MlpFactoryTest {
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

  private static Network mlp(Map<String, ?> settings) {
    return ModelZoo.load()
        .create("mlp", new PluginSettings(settings), InputSpec.mnist(), manager, 3);
  }

  private static List<String> kernelShapes(Network net) {
    return net.catalog().all().stream()
        .map(ParameterRef::name)
        .map(n -> n + " " + net.catalog().get(n).array().getShape())
        .toList();
  }

  @Test
  void defaultWidthsAre300And100() {
    Network net = mlp(Map.of());
    assertEquals(
        List.of(
            "dense1.weight (300, 784)",
            "dense1.bias (300)",
            "dense2.weight (100, 300)",
            "dense2.bias (100)",
            "dense3.weight (10, 100)",
            "dense3.bias (10)"),
        kernelShapes(net));
    assertEquals(
        List.of(
            new Shape(2, 784),
            new Shape(2, 300),
            new Shape(2, 300),
            new Shape(2, 100),
            new Shape(2, 100),
            new Shape(2, 10)),
        LayerTrace.outputShapes(net, manager, 2));
  }

  @Test
  void widthsAreConfigurable() {
    Network net = mlp(Map.of("widths", List.of(32, 16, 8)));
    assertEquals(List.of("dense1", "dense2", "dense3", "dense4"), net.catalog().layers());
    assertEquals(new Shape(8, 16), net.catalog().get("dense3.weight").array().getShape());
    assertEquals(new Shape(10, 8), net.catalog().get("dense4.weight").array().getShape());
  }

  @Test
  void noHiddenLayerIsLogisticRegression() {
    Network net = mlp(Map.of("widths", List.of()));
    assertEquals(List.of("dense1"), net.catalog().layers());
    assertEquals(new Shape(10, 784), net.catalog().get("dense1.weight").array().getShape());
  }

  @Test
  void negativeWidthIsNamedWithItsIndex() {
    ConfigException e =
        assertThrows(ConfigException.class, () -> mlp(Map.of("widths", List.of(300, -5))));
    assertEquals("widths[1]", e.key());
    assertTrue(e.getMessage().startsWith("widths[1]: must be a whole number"), e.getMessage());
    assertTrue(e.getMessage().endsWith("got -5"), e.getMessage());
  }

  @Test
  void fractionalAndNonNumericWidthsAreNamed() {
    assertEquals(
        "widths[0]",
        assertThrows(ConfigException.class, () -> mlp(Map.of("widths", List.of(2.5)))).key());
    assertEquals(
        "widths[1]",
        assertThrows(ConfigException.class, () -> mlp(Map.of("widths", List.of(3, "many")))).key());
    assertEquals(
        "widths", assertThrows(ConfigException.class, () -> mlp(Map.of("widths", 300))).key());
  }
}
