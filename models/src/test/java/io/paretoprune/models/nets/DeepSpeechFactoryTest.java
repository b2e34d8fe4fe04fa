package io.paretoprune.models.nets;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.store.ModelStore;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeepSpeechFactoryTest {
  /** DeepSpeech's input: 26 MFCC x (1 + 2 x 9 context frames); 28 symbols and the blank. */
  private static final InputSpec DEEPSPEECH = new InputSpec(1, 50, 494, 29);

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

  private static Network deepSpeech(Map<String, ?> settings) {
    return ModelZoo.load()
        .create("deepspeech", new PluginSettings(settings), DEEPSPEECH, manager, 5);
  }

  @Test
  void layersHaveDeepSpeechsShapesAtTheConfiguredWidth() {
    Network net = deepSpeech(Map.of("n_hidden", 32));
    assertEquals(
        List.of("dense1", "dense2", "dense3", "lstm1", "dense4", "dense5"), net.catalog().layers());
    assertEquals(new Shape(32, 494), net.catalog().get("dense1.weight").array().getShape());
    assertEquals(new Shape(32, 32), net.catalog().get("dense3.weight").array().getShape());
    assertEquals(new Shape(29, 32), net.catalog().get("dense5.weight").array().getShape());
    long lstmWeights =
        net.catalog().select(ParameterSelector.parse("lstm.kernel")).stream()
            .mapToLong(ParameterRef::size)
            .sum();
    // Four gates, input-to-hidden and hidden-to-hidden.
    assertEquals(4L * 32 * 32 + 4L * 32 * 32, lstmWeights);
    NDArray logits = net.logits(manager.randomNormal(new Shape(3, 17, 494)));
    assertEquals(new Shape(3, 17, 29), logits.getShape());
    // The [batch, 1, frames, features] form gives the same logits.
    NDArray x = manager.randomNormal(new Shape(2, 9, 494));
    NDArray fourD = net.logits(x.reshape(2, 1, 9, 494));
    assertEquals(new Shape(2, 9, 29), fourD.getShape());
    assertArrayEquals(net.logits(x).toFloatArray(), fourD.toFloatArray(), 0f);
  }

  @Test
  void defaultWidthIs256() {
    Network net = deepSpeech(Map.of());
    assertEquals(new Shape(256, 494), net.catalog().get("dense1.weight").array().getShape());
    assertEquals(new Shape(256, 256), net.catalog().get("dense4.weight").array().getShape());
    // The sizes docs/speech.md states: at this width the LSTM holds most of the weights.
    assertEquals(857_885L, size(net, ParameterSelector.all()));
    assertEquals(330_496L, size(net, ParameterSelector.denseKernels()));
    assertEquals(524_288L, size(net, ParameterSelector.parse("lstm.kernel")));
  }

  private static long size(Network net, ParameterSelector selector) {
    return net.catalog().select(selector).stream().mapToLong(ParameterRef::size).sum();
  }

  @Test
  void denseKernelCoversLayers1To3And5And6AndLstmKernelTheLstmAlone() {
    Network net = deepSpeech(Map.of("n_hidden", 16));
    List<String> dense =
        net.catalog().select(ParameterSelector.denseKernels()).stream()
            .map(ParameterRef::name)
            .toList();
    assertEquals(
        List.of(
            "dense1.weight", "dense2.weight", "dense3.weight", "dense4.weight", "dense5.weight"),
        dense);
    List<ParameterRef> lstm = net.catalog().select(ParameterSelector.parse("lstm.kernel"));
    assertEquals(2, lstm.size(), lstm.toString());
    for (ParameterRef p : lstm) {
      assertEquals("lstm1", p.layer());
      assertEquals(ParameterKind.LSTM_KERNEL, p.kind());
      assertTrue(p.trainable(), p.name());
    }
    List<ParameterRef> lstmBiases = net.catalog().select(ParameterSelector.parse("lstm.bias"));
    assertEquals(2, lstmBiases.size(), lstmBiases.toString());
    assertEquals(4, net.catalog().select(ParameterSelector.parse("lstm")).size());
    assertEquals(4, net.catalog().select(ParameterSelector.parse("lstm1")).size());
    // Nothing is left out of "all": every parameter is trainable and of a known family.
    assertEquals(net.catalog().all().size(), net.catalog().select(ParameterSelector.all()).size());
    for (ParameterRef p : net.catalog().all()) {
      assertNotEquals(ParameterKind.OTHER, p.kind(), p.name());
    }
  }

  @Test
  void clippedReluIsZeroBelowZeroAndTwentyAbove() {
    NDArray x = manager.create(new float[] {-5f, -0.5f, 0f, 3f, 19.5f, 20f, 25f, 1e6f});
    NDArray y =
        DeepSpeechFactory.clippedRelu(20f)
            .forward(new ParameterStore(manager, false), new NDList(x), false)
            .singletonOrThrow();
    assertArrayEquals(new float[] {0f, 0f, 0f, 3f, 19.5f, 20f, 20f, 20f}, y.toFloatArray(), 0f);
  }

  @Test
  void hiddenActivationsNeverExceedTheClip() {
    // Large inputs drive the pre-activations far past the clip.
    Network net = deepSpeech(Map.of("n_hidden", 16, "relu_clip", 2));
    NDArray h =
        net.block()
            .getChildren()
            .get(2)
            .getValue()
            .forward(
                new ParameterStore(manager, false),
                net.block()
                    .getChildren()
                    .get(1)
                    .getValue()
                    .forward(
                        new ParameterStore(manager, false),
                        new NDList(manager.randomNormal(new Shape(2, 5, 494)).mul(100)),
                        false),
                false)
            .singletonOrThrow();
    assertEquals(2f, h.max().getFloat(), 0f);
    assertEquals(0f, h.min().getFloat(), 0f);
  }

  @Test
  void paddingAfterTheLastFrameDoesNotChangeEarlierOutputs() {
    Network net = deepSpeech(Map.of("n_hidden", 16));
    NDArray x = manager.randomNormal(new Shape(1, 6, 494));
    NDArray padded = x.concat(manager.randomNormal(new Shape(1, 4, 494)), 1);
    NDArray short6 = net.logits(x);
    NDArray long10 = net.logits(padded).get(":, :6, :");
    assertArrayEquals(short6.toFloatArray(), long10.toFloatArray(), 1e-5f);
  }

  @Test
  void savedModelReloadsWithTheSameLogits(@TempDir Path dir) throws Exception {
    Network net = deepSpeech(Map.of("n_hidden", 16, "dropout", 0.1));
    ModelStore.save(net, dir);
    try (NDManager m = manager.newSubManager()) {
      Network back = ModelStore.load(dir, m);
      NDArray x = m.randomNormal(new Shape(2, 7, 494));
      assertArrayEquals(net.logits(x).toFloatArray(), back.logits(x).toFloatArray(), 0f);
    }
  }

  @Test
  void settingsAreChecked() {
    DeepSpeechFactory f = new DeepSpeechFactory();
    assertEquals(
        "n_hidden",
        assertThrows(
                ConfigException.class,
                () -> f.build(new PluginSettings(Map.of("n_hidden", 0)), DEEPSPEECH))
            .key());
    assertEquals(
        "dropout",
        assertThrows(
                ConfigException.class,
                () -> f.build(new PluginSettings(Map.of("dropout", 1.0)), DEEPSPEECH))
            .key());
    assertEquals(
        "relu_clip",
        assertThrows(
                ConfigException.class,
                () -> f.build(new PluginSettings(Map.of("relu_clip", -1)), DEEPSPEECH))
            .key());
    assertThrows(
        ConfigException.class, () -> f.build(PluginSettings.empty(), new InputSpec(3, 32, 32, 10)));
    assertThrows(
        ConfigException.class,
        () ->
            ModelZoo.load()
                .validate("deepspeech", new PluginSettings(Map.of("n_cells", 8)), DEEPSPEECH));
  }
}
