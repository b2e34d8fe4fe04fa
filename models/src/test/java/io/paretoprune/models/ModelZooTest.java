package io.paretoprune.models;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.MultiObjectiveTrainer;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingResult;
import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class ModelZooTest {
  static final InputSpec MNIST = new InputSpec(1, 28, 28, 10);
  static final InputSpec CIFAR = new InputSpec(3, 32, 32, 10);

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  @Test
  void lenet5HasThePapersLayers() {
    try (NDManager m = NDManager.newBaseManager()) {
      Network n = ModelZoo.create("lenet5", PluginSettings.empty(), MNIST, m, 1);
      List<String> names = n.catalog().all().stream().map(ParameterRef::name).toList();
      assertEquals(
          List.of(
              "conv1.weight",
              "conv1.bias",
              "conv2.weight",
              "conv2.bias",
              "dense1.weight",
              "dense1.bias",
              "dense2.weight",
              "dense2.bias",
              "dense3.weight",
              "dense3.bias"),
          names);
      assertEquals(new Shape(6, 1, 3, 3), n.catalog().get("conv1.weight").array().getShape());
      assertEquals(new Shape(16, 6, 3, 3), n.catalog().get("conv2.weight").array().getShape());
      assertEquals(new Shape(120, 400), n.catalog().get("dense1.weight").array().getShape());
      assertEquals(new Shape(84, 120), n.catalog().get("dense2.weight").array().getShape());
      assertEquals(new Shape(10, 84), n.catalog().get("dense3.weight").array().getShape());
      long dense =
          n.catalog().all().stream()
              .filter(p -> p.kind() == ParameterKind.DENSE_KERNEL)
              .mapToLong(ParameterRef::size)
              .sum();
      assertEquals(48_000 + 10_080 + 840, dense);
      Shape[] out = n.block().getOutputShapes(new Shape[] {new Shape(2, 1, 28, 28)});
      assertEquals(new Shape(2, 10), out[0]);
    }
  }

  @Test
  void glorotUniformKernelsZeroBiasesAndSeeded() {
    try (NDManager m = NDManager.newBaseManager()) {
      Network a = ModelZoo.create("lenet5", PluginSettings.empty(), MNIST, m, 7);
      Network b = ModelZoo.create("lenet5", PluginSettings.empty(), MNIST, m, 7);
      Network c = ModelZoo.create("lenet5", PluginSettings.empty(), MNIST, m, 8);
      float[] wa = a.catalog().get("dense1.weight").array().toFloatArray();
      assertArrayEquals(wa, b.catalog().get("dense1.weight").array().toFloatArray());
      assertFalse(
          java.util.Arrays.equals(wa, c.catalog().get("dense1.weight").array().toFloatArray()));
      double limit = Math.sqrt(6.0 / (400 + 120));
      double max = 0;
      for (float v : wa) {
        max = Math.max(max, Math.abs(v));
      }
      assertTrue(
          max <= limit && max > 0.95 * limit, "max |w| " + max + " vs Glorot limit " + limit);
      float[] conv = a.catalog().get("conv2.weight").array().toFloatArray();
      double convLimit = Math.sqrt(6.0 / (6 * 9 + 16 * 9));
      double cmax = 0;
      for (float v : conv) {
        cmax = Math.max(cmax, Math.abs(v));
      }
      assertTrue(
          cmax <= convLimit && cmax > 0.9 * convLimit, "conv max " + cmax + " vs " + convLimit);
      for (float v : a.catalog().get("dense1.bias").array().toFloatArray()) {
        assertEquals(0f, v);
      }
    }
  }

  @Test
  void vggHasThePapersShapeAndLearns() {
    try (NDManager m = NDManager.newBaseManager()) {
      Network n = ModelZoo.create("vgg-cifar", PluginSettings.empty(), CIFAR, m, 1);
      assertEquals(new Shape(10, 2048), n.catalog().get("dense1.weight").array().getShape());
      assertEquals(6, n.catalog().layers().stream().filter(l -> l.startsWith("conv")).count());
      assertTrue(n.catalog().all().stream().anyMatch(p -> p.kind() == ParameterKind.STATE));
      assertTrue(n.catalog().trainable().stream().noneMatch(p -> p.kind() == ParameterKind.STATE));
      SplittableRandom r = new SplittableRandom(3);
      int count = 64;
      byte[] px = new byte[count * 3 * 32 * 32];
      byte[] labels = new byte[count];
      for (int i = 0; i < count; i++) {
        labels[i] = (byte) (i % 10);
        for (int p = 0; p < 3 * 32 * 32; p++) {
          px[i * 3072 + p] = (byte) (r.nextInt(60) + (p % 10 == i % 10 ? 150 : 0));
        }
      }
      LabeledImages images = new LabeledImages("synthetic", px, labels, count, 3, 32, 32, 10);
      TensorDataset[] t = Normalization.ZSCORE.apply(m, images, images);
      TrainingResult res =
          MultiObjectiveTrainer.builder()
              .setBlock(n.block())
              .optCatalog(n.catalog())
              .setObjectives(List.of(Objective.crossEntropy("f1")))
              .setPlan(CombinationPlan.single(g -> new double[] {1}, 1))
              .setStepRule(Optimizer.adam().optLearningRateTracker(Tracker.fixed(0.001f)).build())
              .setConfig(TrainingConfig.of(5, 32, 1))
              .setManager(m)
              .build()
              .fit(t[0], t[1]);
      double first = res.epochs().get(0).trainObjectives()[0];
      double last = res.last().trainObjectives()[0];
      assertTrue(last < first, "training loss did not fall: " + first + " -> " + last);
    }
  }

  @Test
  void mlpWidthsAreConfigurableAndChecked() {
    try (NDManager m = NDManager.newBaseManager()) {
      Network n =
          ModelZoo.create(
              "mlp", new PluginSettings(Map.of("widths", List.of(32, 16))), MNIST, m, 1);
      assertEquals(new Shape(32, 784), n.catalog().get("dense1.weight").array().getShape());
      assertEquals(new Shape(10, 16), n.catalog().get("dense3.weight").array().getShape());
      NDList out =
          n.block()
              .forward(
                  new ParameterStore(m, false),
                  new NDList(m.zeros(new Shape(2, 1, 28, 28))),
                  false);
      assertEquals(new Shape(2, 10), out.singletonOrThrow().getShape());
    }
    ConfigException e =
        assertThrows(
            ConfigException.class,
            () -> ModelZoo.validate("mlp", new PluginSettings(Map.of("widths", List.of(32, -4)))));
    assertEquals("widths[1]", e.key());
    e =
        assertThrows(
            ConfigException.class,
            () -> ModelZoo.validate("lenet5", new PluginSettings(Map.of("depth", 3))));
    assertEquals("depth", e.key());
    e =
        assertThrows(
            ConfigException.class, () -> ModelZoo.validate("lenet", PluginSettings.empty()));
    assertTrue(e.getMessage().contains("known: lenet5, mlp, vgg-cifar"), e.getMessage());
  }
}
