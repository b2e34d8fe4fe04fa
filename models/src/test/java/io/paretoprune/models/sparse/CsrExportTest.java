package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.TrainedModels;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The CSR export read back as an outside reader would, following docs/results-format.md: the DJL
 * part from {@code features.params}, the head from {@code head.json}, and the pair computes the
 * pruned network's logits.
 */
class CsrExportTest {
  private static NDManager manager;
  private static TensorDataset[] data;
  private static Network lenet;
  @TempDir Path dir;

  @BeforeAll
  static void trainAndPrune() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
    data = TrainedModels.squares(manager);
    lenet = TrainedModels.lenet(manager, data, 10, 8);
    TrainedModels.prune(lenet, 0.06f);
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** The head as documented: per dense step {@code h = K h + b} over CSR arrays, then ReLU. */
  private static float[] runHead(JsonNode head, float[] features) {
    float[] h = features;
    for (JsonNode step : head.get("steps")) {
      switch (step.get("type").asText()) {
        case "dense" -> {
          int rows = step.get("rows").asInt();
          float[] y = new float[rows];
          JsonNode ptr = step.get("rowPointers");
          for (int r = 0; r < rows; r++) {
            float sum = 0;
            for (int k = ptr.get(r).asInt(); k < ptr.get(r + 1).asInt(); k++) {
              sum +=
                  (float) step.get("values").get(k).asDouble()
                      * h[step.get("columns").get(k).asInt()];
            }
            y[r] = sum + (float) step.get("bias").get(r).asDouble();
          }
          h = y;
        }
        case "relu" -> {
          for (int i = 0; i < h.length; i++) {
            h[i] = Math.max(h[i], 0f);
          }
        }
        case "identity" -> {}
        default -> throw new AssertionError("step " + step.get("type"));
      }
    }
    return h;
  }

  @Test
  void theExportReadBackComputesThePrunedNetworksLogits() throws Exception {
    SparseNetwork sparse = SparseNetwork.of(lenet);
    CsrExport.write(sparse, dir);
    JsonNode head = new ObjectMapper().readTree(dir.resolve(CsrExport.HEAD).toFile());
    assertEquals(CsrExport.FORMAT, head.get("format").asInt());
    assertEquals(sparse.head().nnz(), head.get("nnz").asLong());
    assertTrue(sparse.head().nnz() < 58_920 / 2, "the test net is not pruned");

    // A fresh network of the same model, other initial weights, gets the DJL part from the file.
    Network fresh =
        ModelZoo.load().create("lenet5", PluginSettings.empty(), lenet.input(), manager, 99);
    SparseNetwork target = SparseNetwork.of(fresh);
    CsrExport.readFeatures(target, dir, manager);

    NDArray x = data[1].features().get(new NDIndex("0:3"));
    float[] features = target.features(x);
    assertArrayEquals(sparse.features(x), features);
    int inputs = head.get("inputs").asInt();
    int classes = head.get("outputs").asInt();
    float[] expected = lenet.logits(x).toFloatArray();
    for (int e = 0; e < 3; e++) {
      float[] one = new float[inputs];
      System.arraycopy(features, e * inputs, one, 0, inputs);
      float[] logits = runHead(head, one);
      for (int c = 0; c < classes; c++) {
        assertEquals(expected[e * classes + c], logits[c], 1e-4f, "example " + e + " class " + c);
      }
    }
  }
}
