package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.TrainedModels;
import io.paretoprune.models.store.ModelFileException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class NetworkCompactorTest {
  private static NDManager manager;
  private static TensorDataset[] data;
  private static final ModelZoo ZOO = ModelZoo.load();

  @BeforeAll
  static void start() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
    data = TrainedModels.squares(manager);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static void assertSameLogits(Network a, Network b, NDArray x, float tolerance) {
    float[] la = a.logits(x).toFloatArray();
    float[] lb = b.logits(x).toFloatArray();
    assertEquals(la.length, lb.length);
    for (int i = 0; i < la.length; i++) {
      assertEquals(la[i], lb[i], tolerance, "logit " + i);
    }
    int classes = a.input().classes();
    assertArrayEquals(SparseNetwork.argMax(la, classes), SparseNetwork.argMax(lb, classes));
  }

  /**
   * MLP 9 -> 6 -> 5 -> 3 with hand-made dead units: dense1 unit 0 has no incoming weights (its
   * ReLU(0.7) is folded into dense2's bias), dense1 unit 2 has no outgoing ones, dense2 unit 3 is
   * read by nothing, which leaves dense1 unit 4 (read only by it) dead on the second pass.
   */
  @Test
  void removesDeadUnitsToAFixedPointAndFoldsConstants() {
    Network mlp =
        ZOO.create(
            "mlp",
            new PluginSettings(Map.of("widths", List.of(6, 5))),
            new InputSpec(1, 3, 3, 3),
            manager,
            3);
    float[] w1 = mlp.catalog().get("dense1.weight").array().toFloatArray();
    float[] b1 = new float[] {0.7f, 0.1f, 0.2f, -0.3f, 0.4f, 0.5f};
    float[] w2 = mlp.catalog().get("dense2.weight").array().toFloatArray();
    float[] w3 = mlp.catalog().get("dense3.weight").array().toFloatArray();
    for (int c = 0; c < 9; c++) {
      w1[c] = 0f; // dense1 unit 0: no incoming
    }
    for (int r = 0; r < 5; r++) {
      w2[r * 6 + 2] = 0f; // dense1 unit 2: nothing reads it
      if (r != 3) {
        w2[r * 6 + 4] = 0f; // dense1 unit 4: read by dense2 unit 3 only
      }
    }
    for (int r = 0; r < 3; r++) {
      w3[r * 5 + 3] = 0f; // dense2 unit 3: nothing reads it
    }
    mlp.catalog().get("dense1.weight").array().set(w1);
    mlp.catalog().get("dense1.bias").array().set(b1);
    mlp.catalog().get("dense2.weight").array().set(w2);
    mlp.catalog().get("dense3.weight").array().set(w3);

    CompactedNetwork c = NetworkCompactor.compact(mlp, ZOO, manager);

    assertEquals(Map.of("dense1", 3, "dense2", 4, "dense3", 3), c.after());
    assertEquals(Map.of("dense1", 6, "dense2", 5, "dense3", 3), c.before());
    assertEquals(4, c.removed());
    assertEquals(new Shape(3, 9), c.network().catalog().get("dense1.weight").array().getShape());
    NDArray x = manager.randomUniform(-1, 1, new Shape(50, 1, 3, 3));
    assertSameLogits(mlp, c.network(), x, 1e-5f);
  }

  /** A hidden layer pruned to nothing keeps one unit, so that every shape stays valid. */
  @Test
  void aLayerWithoutWeightsKeepsOneUnit() {
    Network mlp =
        ZOO.create(
            "mlp",
            new PluginSettings(Map.of("widths", List.of(4))),
            new InputSpec(1, 2, 2, 3),
            manager,
            4);
    mlp.catalog().get("dense1.weight").array().set(new float[16]);
    mlp.catalog().get("dense1.bias").array().set(new float[] {0.5f, -1f, 2f, 0f});

    CompactedNetwork c = NetworkCompactor.compact(mlp, ZOO, manager);

    assertEquals(1, c.after().get("dense1"));
    assertSameLogits(mlp, c.network(), manager.randomUniform(0, 1, new Shape(8, 1, 2, 2)), 1e-5f);
  }

  /**
   * A trained LeNet-5 pruned hard, with conv2 channel 3's kernel zeroed (its constant map, bias
   * through ReLU and pooling, is folded into dense1) and every dense1 weight from channel 5 zeroed
   * (unused), and dense1 units 7 and 8 without incoming weights: both channels go from conv2, both
   * units from dense1, and the compacted network computes the same.
   */
  @Test
  void compactsAcrossTheFlattenIntoTheLastConvolution() {
    Network lenet = TrainedModels.lenet(manager, data, 10, 8);
    TrainedModels.prune(lenet, 0.06f);
    ParameterRef k2 = lenet.catalog().get("conv2.weight");
    float[] kernel = k2.array().toFloatArray();
    int per = kernel.length / 16;
    java.util.Arrays.fill(kernel, 3 * per, 4 * per, 0f);
    k2.array().set(kernel);
    float[] bias2 = lenet.catalog().get("conv2.bias").array().toFloatArray();
    bias2[3] = 0.25f; // a constant map that ReLU keeps
    lenet.catalog().get("conv2.bias").array().set(bias2);
    ParameterRef d1 = lenet.catalog().get("dense1.weight");
    float[] w = d1.array().toFloatArray();
    for (int r = 0; r < 120; r++) {
      java.util.Arrays.fill(w, r * 400 + 5 * 25, r * 400 + 6 * 25, 0f);
    }
    java.util.Arrays.fill(w, 7 * 400, 9 * 400, 0f); // dense1 units 7 and 8: constant ReLU(bias)
    d1.array().set(w);
    float[] b1 = lenet.catalog().get("dense1.bias").array().toFloatArray();
    b1[7] = 0.3f;
    lenet.catalog().get("dense1.bias").array().set(b1);

    CompactedNetwork c = NetworkCompactor.compact(lenet, ZOO, manager);

    assertTrue(c.acrossFlatten());
    assertTrue(c.after().get("conv2") <= 14, c.describeWidths());
    assertTrue(c.after().get("dense1") <= 118, c.describeWidths());
    assertEquals(4, c.after().get("dense3"));
    long inputs = c.network().catalog().get("dense1.weight").array().getShape().get(1);
    assertEquals(25L * c.after().get("conv2"), inputs);
    assertSameLogits(lenet, c.network(), data[1].features(), 1e-4f);
  }

  @Test
  void exportLoadsBackToTheSameNetworkAndRefusesAChangedFile(@TempDir Path dir) throws Exception {
    Network lenet = TrainedModels.lenet(manager, data, 10, 9);
    TrainedModels.prune(lenet, 0.08f);
    CompactedNetwork c = NetworkCompactor.compact(lenet, ZOO, manager);
    CompactManifest written = CompactExport.write(c, "run-s1", 0, dir);
    assertEquals(c.after(), written.widths());

    Network loaded = CompactExport.load(dir, manager);
    assertArrayEquals(
        c.network().logits(data[1].features()).toFloatArray(),
        loaded.logits(data[1].features()).toFloatArray());

    byte[] params = Files.readAllBytes(dir.resolve(CompactExport.PARAMETERS));
    params[params.length - 1] ^= 1;
    Files.write(dir.resolve(CompactExport.PARAMETERS), params);
    ModelFileException e =
        assertThrows(ModelFileException.class, () -> CompactExport.load(dir, manager));
    assertTrue(e.getMessage().startsWith(dir.resolve(CompactExport.PARAMETERS).toString()));

    Files.writeString(dir.resolve(CompactExport.MANIFEST), "{not json");
    e = assertThrows(ModelFileException.class, () -> CompactExport.load(dir, manager));
    assertTrue(e.getMessage().startsWith(dir.resolve(CompactExport.MANIFEST).toString()));
  }
}
