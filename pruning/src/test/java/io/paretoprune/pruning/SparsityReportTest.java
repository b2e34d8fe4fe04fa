package io.paretoprune.pruning;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.testing.TestNets;
import io.paretoprune.core.train.result.LayerStats;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class SparsityReportTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  @Test
  void sumsKernelAndBiasPerLayerAndOverTheSelection() {
    List<LayerStats> stats =
        List.of(
            new LayerStats("conv1.weight", "CONV_KERNEL", 54, 54, 3.0),
            new LayerStats("dense1.weight", "DENSE_KERNEL", 100, 40, 2.0),
            new LayerStats("dense1.bias", "DENSE_BIAS", 10, 5, 0.5),
            new LayerStats("dense2.weight", "DENSE_KERNEL", 20, 20, 1.0),
            new LayerStats("dense2.bias", "DENSE_BIAS", 2, 0, 0.0));
    SparsityReport r = SparsityReport.of(stats, ParameterSelector.dense());
    assertEquals(
        List.of("dense1", "dense2"), r.layers().stream().map(SparsityReport.Total::name).toList());
    assertEquals(new SparsityReport.Total("dense1", 110, 45, 2.5), r.layer("dense1"));
    assertEquals(new SparsityReport.Total("dense2", 22, 20, 1.0), r.layer("dense2"));
    assertEquals(new SparsityReport.Total("total", 132, 65, 3.5), r.total());
    assertEquals(1 - 65.0 / 132, r.total().sparsity(), 1e-12);
    assertEquals(67, r.total().pruned());
    SparsityReport kernels = SparsityReport.of(stats, ParameterSelector.denseKernels());
    assertEquals(60, kernels.total().nonzeros());
    assertThrows(IllegalArgumentException.class, () -> r.layer("conv1"));
  }

  @Test
  void measuringTheNetworkCountsItsZeros() {
    try (NDManager m = NDManager.newBaseManager()) {
      ParameterCatalog c = ParameterCatalog.of(TestNets.lenet(m, 2));
      SparsityReport r = SparsityReport.measure(c, ParameterSelector.dense());
      // Glorot kernels have no zeros, the biases start at 0.
      assertEquals(48000 + 10080 + 840, r.total().nonzeros());
      assertEquals(48000 + 10080 + 840 + 120 + 84 + 10, r.total().size());
      assertEquals(48120, r.layer("dense1").size());
      assertEquals(3, r.layers().size());
    }
  }
}
