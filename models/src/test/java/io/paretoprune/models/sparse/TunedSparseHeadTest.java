package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.TrainedModels;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TunedSparseHeadTest {
  private static NDManager manager;
  private static TensorDataset[] data;
  private static Network compact;

  @BeforeAll
  static void trainPruneCompact() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
    data = TrainedModels.squares(manager);
    Network lenet = TrainedModels.lenet(manager, data, 10, 8);
    TrainedModels.prune(lenet, 0.06f);
    compact = NetworkCompactor.compact(lenet, ModelZoo.load(), manager).network();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /** Every kernel, at batch 1, 7 and the whole test split, predicts what DJL's dense head does. */
  @Test
  void everyKernelPredictsWhatTheDenseNetworkPredicts() {
    SparseNetwork split = SparseNetwork.of(compact);
    try (TunedSparseHead head = TunedSparseHead.of(split, manager, 2)) {
      for (String kernel : List.of("csr", "csr-parallel", "dense")) {
        head.force(kernel);
        for (long n : new long[] {1, 7, data[1].size()}) {
          NDArray x = data[1].features().get(new NDIndex().addSliceDim(0, n));
          float[] expected = compact.logits(x).toFloatArray();
          float[] got = head.forward(split.features(x), (int) n);
          assertEquals(expected.length, got.length);
          for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-4f, kernel + " batch " + n + " logit " + i);
          }
          int classes = compact.input().classes();
          assertArrayEquals(
              SparseNetwork.argMax(expected, classes), SparseNetwork.argMax(got, classes), kernel);
        }
      }
    }
  }

  @Test
  void calibrationTimesEveryCandidateAndChoosesTheFastest() {
    SparseNetwork split = SparseNetwork.of(compact);
    try (TunedSparseHead head = TunedSparseHead.of(split, manager, 1).calibrate()) {
      List<TunedSparseHead.Calibration> table = head.calibration();
      assertEquals(4 * TunedSparseHead.CALIBRATION_BATCHES.length, table.size());
      for (TunedSparseHead.Calibration c : table) {
        assertEquals(
            c.layer().equals("head")
                ? List.of("chosen layers", TunedSparseHead.DJL_HEAD)
                : List.of("csr", "dense"),
            c.kernels());
        int best = c.millis()[0] <= c.millis()[1] ? 0 : 1;
        assertEquals(c.kernels().get(best), c.chosen());
        assertTrue(c.millis()[0] > 0 && c.millis()[1] > 0);
      }
      List<String> at256 = head.kernelsAt(256);
      assertTrue(
          at256.equals(List.of(TunedSparseHead.DJL_HEAD)) || at256.size() == 3, at256.toString());
      NDArray x = data[1].features();
      int classes = compact.input().classes();
      assertArrayEquals(
          SparseNetwork.argMax(compact.logits(x).toFloatArray(), classes),
          SparseNetwork.argMax(head.forward(split.features(x), (int) data[1].size()), classes));
      assertThrows(IllegalArgumentException.class, () -> head.force("gpu"));
    }
  }
}
