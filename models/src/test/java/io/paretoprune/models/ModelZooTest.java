package io.paretoprune.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelZooTest {
  private static final ModelZoo ZOO = ModelZoo.load();
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

  private static Network lenet(long seed) {
    return ZOO.create("lenet5", PluginSettings.empty(), InputSpec.mnist(), manager, seed);
  }

  @Test
  void registersThePapersModelsTheMlpAndDeepSpeech() {
    List<String> names = ZOO.all().stream().map(f -> f.name()).toList();
    assertEquals(List.of("deepspeech", "lenet5", "mlp", "vgg-cifar"), names);
  }

  @Test
  void unknownModelListsTheKnownOnes() {
    ConfigException e =
        assertThrows(
            ConfigException.class, () -> ZOO.create("resnet", null, InputSpec.mnist(), manager, 1));
    assertTrue(e.getMessage().contains("unknown model 'resnet'"), e.getMessage());
    assertTrue(e.getMessage().contains("deepspeech, lenet5, mlp, vgg-cifar"), e.getMessage());
  }

  @Test
  void unknownSettingIsNamed() {
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () ->
                ZOO.create(
                    "mlp",
                    new PluginSettings(Map.of("width", List.of(10))),
                    InputSpec.mnist(),
                    manager,
                    1));
    assertEquals("width", e.key());
    assertTrue(e.getMessage().contains("known: widths"), e.getMessage());
  }

  /** Keras' glorot_uniform: U(-l, l), l = sqrt(6 / (fan_in + fan_out)). */
  @Test
  void kernelsAreGlorotUniform() {
    Network net = lenet(11);
    // dense1: [120, 400] -> fan_in 400, fan_out 120
    assertUniform(net.catalog().get("dense1.weight").array(), Math.sqrt(6.0 / (400 + 120)));
    // conv2: [16, 6, 3, 3] -> fan_in 6*9 = 54, fan_out 16*9 = 144
    assertUniform(net.catalog().get("conv2.weight").array(), Math.sqrt(6.0 / (54 + 144)));
  }

  private static void assertUniform(NDArray kernel, double limit) {
    float[] w = kernel.toFloatArray();
    double max = 0;
    double sumSq = 0;
    double sum = 0;
    for (float v : w) {
      max = Math.max(max, Math.abs(v));
      sumSq += (double) v * v;
      sum += v;
    }
    int n = w.length;
    assertTrue(max <= limit, "max |w| " + max + " above Glorot limit " + limit);
    // The largest of n uniform draws misses the limit by about limit/n.
    assertTrue(max >= limit * (1 - 20.0 / n), "max |w| " + max + " far below limit " + limit);
    double variance = sumSq / n - (sum / n) * (sum / n);
    double expected = limit * limit / 3;
    // Standard error of the variance of a uniform sample: ~ 0.9 * expected / sqrt(n).
    assertEquals(expected, variance, 5 * 0.9 * expected / Math.sqrt(n), "variance");
  }

  @Test
  void biasesStartAtZero() {
    Network net = lenet(11);
    for (ParameterRef p : net.catalog().all()) {
      if (p.kind() == ParameterKind.DENSE_BIAS || p.kind() == ParameterKind.CONV_BIAS) {
        assertEquals(0L, p.array().countNonzero().getLong(), p.name());
      }
    }
  }

  @Test
  void oneSeedGivesIdenticalWeightsAndAnotherSeedDifferent() {
    Network a = lenet(5);
    Network b = lenet(5);
    Network c = lenet(6);
    boolean anyDifferent = false;
    for (ParameterRef p : a.catalog().all()) {
      float[] wa = p.array().toFloatArray();
      assertArrayEquals(wa, b.catalog().get(p.name()).array().toFloatArray(), p.name());
      anyDifferent |= !Arrays.equals(wa, c.catalog().get(p.name()).array().toFloatArray());
    }
    assertTrue(anyDifferent, "seeds 5 and 6 gave identical weights");
    assertFalse(
        Arrays.equals(
            a.catalog().get("dense1.weight").array().toFloatArray(),
            c.catalog().get("dense1.weight").array().toFloatArray()));
  }

  @Test
  void inputSpecRejectsNonsense() {
    assertThrows(IllegalArgumentException.class, () -> new InputSpec(0, 28, 28, 10));
    assertThrows(IllegalArgumentException.class, () -> new InputSpec(1, 28, 28, 1));
  }
}
