package io.paretoprune.models.store;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.SyntheticImages;
import io.paretoprune.models.TrainedModels;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class ModelStoreTest {
  private static NDManager manager;
  private static TensorDataset[] data;
  private static Network trained;

  @TempDir Path tmp;

  @BeforeAll
  static void trainAndPrune() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
    data = TrainedModels.squares(manager);
    trained = TrainedModels.lenet(manager, data, 10, 21);
    TrainedModels.prune(trained, 0.05f);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static NDArray batch() {
    return data[1].features().get(new NDIndex("0:64"));
  }

  @Test
  void prunedTrainedModelPredictsIdenticallyAfterReload() throws IOException {
    NDArray x = batch();
    NDArray y = data[1].labels().get(new NDIndex("0:64"));
    float[] before = trained.logits(x).toFloatArray();
    double accuracyBefore = TrainedModels.accuracy(trained.logits(x), y);
    assertTrue(accuracyBefore > 0.5, "the few training steps did not learn: " + accuracyBefore);
    long denseZeros = zeros(trained, "dense1.weight");
    assertTrue(denseZeros > 10_000, "pruning left only " + denseZeros + " zeros");

    ModelStore.save(trained, tmp);
    try (NDManager other = NDManager.newBaseManager()) {
      Network loaded = ModelStore.load(tmp, other);
      NDArray x2 = other.create(x.toFloatArray(), x.getShape());
      assertArrayEquals(before, loaded.logits(x2).toFloatArray());
      assertEquals(
          accuracyBefore, TrainedModels.accuracy(loaded.logits(x2), other.create(y.toLongArray())));
      for (ParameterRef p : trained.catalog().all()) {
        float[] original = p.array().toFloatArray();
        float[] reloaded = loaded.catalog().get(p.name()).array().toFloatArray();
        assertArrayEquals(original, reloaded, p.name());
        for (int i = 0; i < original.length; i++) {
          if (original[i] == 0f) {
            assertTrue(reloaded[i] == 0f, p.name() + "[" + i + "] grew back");
          }
        }
      }
      assertEquals("lenet5", loaded.model());
      assertEquals(new InputSpec(1, 28, 28, 4), loaded.input());
    }
  }

  private static long zeros(Network net, String name) {
    NDArray a = net.catalog().get(name).array();
    return a.size() - a.countNonzero().getLong();
  }

  @Test
  void manifestRecordsSparsityAndVersions() throws IOException {
    ModelManifest m = ModelStore.save(trained, tmp);
    ModelManifest read = ModelStore.readManifest(tmp);
    assertEquals(m.parametersSha256(), read.parametersSha256());
    assertEquals("lenet5", read.model());
    assertEquals(10, read.parameters().size());
    ParameterSparsity dense1 = read.parameters().get(4);
    assertEquals("dense1.weight", dense1.name());
    assertEquals("DENSE_KERNEL", dense1.kind());
    assertEquals(48_000, dense1.size());
    assertEquals(48_000 - zeros(trained, "dense1.weight"), dense1.nonzeros());
    assertEquals(1 - dense1.nonzeros() / 48_000.0, dense1.sparsity(), 1e-12);
    assertEquals(Engine.getDjlVersion(), read.versions().get("djl"));
    assertTrue(
        read.versions().get("paretoprune").matches("\\d+\\.\\d+\\.\\d+.*"),
        read.versions().toString());
    assertTrue(read.versions().get("engine").startsWith("PyTorch"), read.versions().toString());
  }

  @Test
  void savingReplacesAnEarlierSaveAndLeavesNoTemporaryFiles() throws IOException {
    ModelStore.save(trained, tmp);
    ModelStore.save(trained, tmp);
    try (Stream<Path> files = Files.list(tmp)) {
      assertEquals(
          List.of("model.json", "model.params"),
          files.map(p -> p.getFileName().toString()).sorted().toList());
    }
  }

  @Test
  void batchNormStateAndSettingsSurviveTheRoundTrip() throws IOException {
    InputSpec cifar = InputSpec.cifar10();
    Network vgg =
        ModelZoo.load()
            .create(
                "vgg-cifar",
                new PluginSettings(Map.of("filters", List.of(4, 8), "dropout", List.of(0.1, 0.2))),
                cifar,
                manager,
                3);
    NDArray x = SyntheticImages.features(manager, cifar, SyntheticImages.labels(16, 10), 4);
    // Training-mode passes move the running statistics away from their initial 0 and 1.
    for (int i = 0; i < 3; i++) {
      vgg.block().forward(new ParameterStore(manager, false), new NDList(x), true);
    }
    float[] before = vgg.logits(x).toFloatArray();
    ModelStore.save(vgg, tmp);
    Network loaded = ModelStore.load(tmp, manager);
    assertEquals(vgg.settings().asMap(), loaded.settings().asMap());
    assertArrayEquals(
        vgg.catalog().get("bn2.runningVar").array().toFloatArray(),
        loaded.catalog().get("bn2.runningVar").array().toFloatArray());
    assertArrayEquals(before, loaded.logits(x).toFloatArray());
  }

  @Test
  void loadedModelCanBeTrainedFurther() throws IOException {
    ModelStore.save(trained, tmp);
    Network loaded = ModelStore.load(tmp, manager);
    NDArray w = loaded.catalog().get("dense1.weight").array();
    try (GradientCollector c = Engine.getInstance().newGradientCollector()) {
      NDArray logits =
          loaded
              .block()
              .forward(new ParameterStore(manager, false), new NDList(batch()), true)
              .singletonOrThrow();
      c.backward(logits.square().mean());
    }
    assertNotEquals(0f, w.getGradient().abs().sum().getFloat());
  }

  // ---- broken and missing files: one message naming the file ----

  private ModelFileException loadFails() {
    return assertThrows(ModelFileException.class, () -> ModelStore.load(tmp, manager));
  }

  @Test
  void missingDirectoryOrManifest() {
    Path nowhere = tmp.resolve("nowhere");
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> ModelStore.load(nowhere, manager));
    assertEquals(nowhere.resolve("model.json"), e.file());
    assertEquals(
        nowhere.resolve("model.json") + ": missing; there is no directory " + nowhere,
        e.getMessage());
    e = loadFails();
    assertEquals(
        tmp.resolve("model.json") + ": missing; " + tmp + " holds no saved model", e.getMessage());
  }

  @Test
  void manifestThatIsNotJson() throws IOException {
    Files.writeString(tmp.resolve("model.json"), "{\"format\": 1, \"model\": ");
    ModelFileException e = loadFails();
    assertEquals(tmp.resolve("model.json"), e.file());
    assertTrue(e.getMessage().contains("not a valid model file"), e.getMessage());
    assertTrue(e.getMessage().contains("line 1"), e.getMessage());
    assertTrue(!e.getMessage().contains("\n"), "one line: " + e.getMessage());
  }

  @Test
  void manifestWithUnknownModelOrFormatOrMissingField() throws IOException {
    ModelStore.save(trained, tmp);
    Path json = tmp.resolve("model.json");
    String good = Files.readString(json);

    Files.writeString(json, good.replace("\"lenet5\"", "\"lenet7\""));
    ModelFileException e = loadFails();
    assertEquals(json, e.file());
    assertTrue(
        e.getMessage().contains("cannot rebuild the model: unknown model 'lenet7'"),
        e.getMessage());

    Files.writeString(json, good.replaceFirst("\"format\" : 1", "\"format\" : 9"));
    assertTrue(
        loadFails()
            .getMessage()
            .endsWith("format 9 is not supported; this version reads format 1"));

    Files.writeString(json, good.replaceFirst("\"model\" : \"lenet5\",", ""));
    assertEquals(json + ": missing field 'model'", loadFails().getMessage());

    Files.writeString(json, good.replaceFirst("\"classes\" : 4", "\"classes\" : 5"));
    e = loadFails();
    assertTrue(e.getMessage().contains("dense3.weight (4, 84)"), e.getMessage());
    assertTrue(e.getMessage().contains("builds dense3.weight (5, 84)"), e.getMessage());

    Files.writeString(json, good.replaceFirst("\"model.params\"", "\"../model.params\""));
    assertTrue(loadFails().getMessage().contains("must be a file name beside model.json"));
  }

  @Test
  void missingOrChangedParameterFile() throws IOException {
    ModelStore.save(trained, tmp);
    Path params = tmp.resolve("model.params");
    byte[] bytes = Files.readAllBytes(params);

    Files.delete(params);
    assertEquals(params + ": missing", loadFails().getMessage());

    Files.write(params, java.util.Arrays.copyOf(bytes, bytes.length / 2));
    ModelFileException e = loadFails();
    assertEquals(params, e.file());
    assertTrue(
        e.getMessage().contains("does not match the checksum in model.json"), e.getMessage());

    byte[] flipped = bytes.clone();
    flipped[flipped.length - 3] ^= 0x10;
    Files.write(params, flipped);
    assertTrue(loadFails().getMessage().contains("does not match the checksum"));
  }

  /** A parameter file of another model, with a manifest checksum that fits it. */
  @Test
  void parameterFileOfAnotherModel() throws IOException {
    Path other = tmp.resolve("mlp");
    ModelStore.save(
        ModelZoo.load()
            .create(
                "mlp",
                new PluginSettings(Map.of("widths", List.of(7))),
                new InputSpec(1, 28, 28, 4),
                manager,
                1),
        other);
    ModelStore.save(trained, tmp);
    Path params = tmp.resolve("model.params");
    Files.copy(
        other.resolve("model.params"), params, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
    Path json = tmp.resolve("model.json");
    String sha = AtomicFiles.sha256(params);
    Files.writeString(
        json,
        Files.readString(json)
            .replaceFirst(
                "\"parametersSha256\" : \"[0-9a-f]+\"", "\"parametersSha256\" : \"" + sha + "\""));
    ModelFileException e = loadFails();
    assertEquals(params, e.file());
    assertTrue(
        e.getMessage().contains("broken parameter file")
            || e.getMessage().contains("ends before")
            || e.getMessage().contains("has shape"),
        e.getMessage());
  }
}
