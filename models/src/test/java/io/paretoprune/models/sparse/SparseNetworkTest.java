package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Activation;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.SyntheticImages;
import io.paretoprune.models.TrainedModels;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparseNetworkTest {
  private static NDManager manager;
  private static TensorDataset[] data;
  private static Network lenet;

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

  /** Same argmax, logits within 1e-4 of DJL's dense forward. */
  private static void assertSameAsDense(Network net, SparseNetwork sparse, NDArray x) {
    float[] dense = net.logits(x).toFloatArray();
    float[] csr = sparse.logits(x);
    assertEquals(dense.length, csr.length);
    for (int i = 0; i < dense.length; i++) {
      assertEquals(dense[i], csr[i], 1e-4f, "logit " + i);
    }
    int classes = net.input().classes();
    assertArrayEquals(SparseNetwork.argMax(dense, classes), sparse.predict(x));
  }

  @Test
  void prunedLeNetPredictsAsTheDenseModel() {
    SparseNetwork sparse = SparseNetwork.of(lenet);
    NDArray batch = data[1].features().get(new NDIndex("0:100"));
    assertSameAsDense(lenet, sparse, batch);
    assertSameAsDense(lenet, sparse, data[1].features().get(new NDIndex("5:6")));
    int[] predicted = sparse.predict(batch);
    long[] labels = data[1].labels().get(new NDIndex("0:100")).toLongArray();
    int correct = 0;
    for (int i = 0; i < labels.length; i++) {
      correct += predicted[i] == labels[i] ? 1 : 0;
    }
    assertTrue(correct > 50, "sparse head classified only " + correct + " of 100");
  }

  @Test
  void exportsEveryDenseKernelWithItsNonzeros() {
    SparseDenseHead head = SparseNetwork.of(lenet).head();
    assertEquals(List.of("dense1", "dense2", "dense3"), List.copyOf(head.matrices().keySet()));
    assertEquals(400, head.inputs());
    assertEquals(4, head.outputs());
    long total = 0;
    for (ParameterRef p : lenet.catalog().select(ParameterSelector.denseKernels())) {
      CsrMatrix m = head.matrices().get(p.layer());
      long nonzeros = p.array().countNonzero().getLong();
      assertEquals(nonzeros, m.nnz(), p.name());
      // Delta 0 compares numerically: pruning leaves -0.0, which CSR drops and restores as 0.0.
      assertArrayEquals(p.array().toFloatArray(), m.toDense(), 0f, p.name());
      total += nonzeros;
    }
    assertEquals(total, head.nnz());
    assertTrue(head.matrices().get("dense1").density() < 0.6, "pruning had no effect");
  }

  @Test
  void convolutionsStayInDjl() {
    SparseNetwork sparse = SparseNetwork.of(lenet);
    assertEquals(7, sparse.featureBlocks().size()); // conv, relu, pool, conv, relu, pool, flatten
    assertEquals(5, sparse.headBlocks().size()); // dense, relu, dense, relu, dense
  }

  @Test
  void vggHeadAfterBatchNormAndDropout() {
    InputSpec cifar = InputSpec.cifar10();
    Network vgg =
        ModelZoo.load()
            .create(
                "vgg-cifar",
                new PluginSettings(Map.of("filters", List.of(4, 8), "dropout", List.of(0.2, 0.3))),
                cifar,
                manager,
                2);
    TrainedModels.prune(vgg, 0.02f);
    SparseNetwork sparse = SparseNetwork.of(vgg);
    assertEquals(List.of("dense1"), List.copyOf(sparse.head().matrices().keySet()));
    assertSameAsDense(
        vgg, sparse, SyntheticImages.features(manager, cifar, SyntheticImages.labels(12, 10), 1));
  }

  @Test
  void mlpHeadIsTheWholeNetworkAfterFlatten() {
    Network mlp =
        ModelZoo.load()
            .create(
                "mlp",
                new PluginSettings(Map.of("widths", List.of(64, 32))),
                InputSpec.mnist(),
                manager,
                4);
    TrainedModels.prune(mlp, 0.05f);
    SparseNetwork sparse = SparseNetwork.of(mlp);
    assertEquals(1, sparse.featureBlocks().size());
    assertSameAsDense(mlp, sparse, data[1].features().get(new NDIndex("0:33")));
  }

  private static Network handMade(SequentialBlock block) {
    block.setInitializer(ModelZoo.GLOROT_UNIFORM, ai.djl.nn.Parameter.Type.WEIGHT);
    block.initialize(manager, DataType.FLOAT32, InputSpec.mnist().batchShape());
    return new Network(
        block, InputSpec.mnist(), ParameterCatalog.of(block), "hand-made", PluginSettings.empty());
  }

  @Test
  void blocksItCannotRunStayInDjl() {
    // LeakyReLU is not a head step: only the last dense layer runs in CSR form.
    Network net =
        handMade(
            new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(16).build())
                .add(Activation.leakyReluBlock(0.1f))
                .add(Linear.builder().setUnits(10).build()));
    SparseNetwork sparse = SparseNetwork.of(net);
    assertEquals(List.of("dense2"), List.copyOf(sparse.head().matrices().keySet()));
    assertSameAsDense(net, sparse, data[1].features().get(new NDIndex("0:8")));
  }

  @Test
  void networkNotEndingInDenseLayersIsRefused() {
    Network net =
        handMade(
            new SequentialBlock()
                .add(Blocks.batchFlattenBlock())
                .add(Linear.builder().setUnits(10).build())
                .add(Activation.leakyReluBlock(0.1f)));
    IllegalArgumentException e =
        assertThrows(IllegalArgumentException.class, () -> SparseNetwork.of(net));
    assertEquals(
        "model 'hand-made' does not end in dense layers; its last block is LeakyReLU",
        e.getMessage());
  }

  @Test
  void wrongBatchSizeIsRefused() {
    SparseDenseHead head = SparseNetwork.of(lenet).head();
    assertThrows(IllegalArgumentException.class, () -> head.forward(new float[400], 2));
  }
}
