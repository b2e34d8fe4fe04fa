package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
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

  /** Features handed over as engine arrays give the very logits of the Java-array path. */
  private static void sameFromEngineArrays(SparseNetwork split, TunedSparseHead head) {
    for (long n : new long[] {1, 7, data[1].size()}) {
      NDArray x = data[1].features().get(new NDIndex().addSliceDim(0, n));
      try (NDManager m = manager.newSubManager()) {
        NDArray f = split.featureArray(x);
        f.attach(m);
        assertArrayEquals(head.forward(split.features(x), (int) n), head.forward(f), "batch " + n);
      }
    }
  }

  /** Fixed timings: every non-reference candidate gets {@code sparse}, the last {@code dense}. */
  private static TunedSparseHead.Timer fixed(double[] sparse, double[] dense) {
    return runs -> {
      double[][] s = new double[runs.size()][];
      for (int i = 0; i < s.length; i++) {
        s[i] = (i == s.length - 1 ? dense : sparse).clone();
      }
      return s;
    };
  }

  /**
   * Injected timings where the sparse kernels' fastest block is far below dense but their medians
   * are not: every layer and the head run dense at every batch size; with sparse clearly faster in
   * every round, CSR runs everywhere.
   */
  @Test
  void theChoiceIsNeverSparseWhereTheMediansSayDense() {
    SparseNetwork split = SparseNetwork.of(compact);
    double[] lucky = {0.001, 1.0, 1.1, 1.0, 1.2};
    double[] steady = {0.9, 0.9, 0.9, 0.9, 0.9};
    try (TunedSparseHead head = TunedSparseHead.of(split, manager, 2)) {
      head.calibrate(fixed(lucky, steady));
      for (int batch : new int[] {1, 7, 32, 100, 256, 1000}) {
        assertEquals(List.of(TunedSparseHead.DJL_HEAD), head.kernelsAt(batch), "batch " + batch);
        assertTrue(head.runsInDjlAt(batch));
      }
      sameFromEngineArrays(split, head);
      for (TunedSparseHead.Calibration c : head.calibration()) {
        assertEquals(c.kernels().get(c.kernels().size() - 1), c.chosen(), c.toString());
        assertEquals(1.0, c.millis()[0]);
      }
      head.calibrate(fixed(new double[] {0.4, 0.4, 0.4, 0.4, 0.4}, steady));
      for (int batch : new int[] {1, 32, 256}) {
        assertEquals(List.of("csr", "csr", "csr"), head.kernelsAt(batch), "batch " + batch);
        assertFalse(head.runsInDjlAt(batch));
      }
      sameFromEngineArrays(split, head);
      NDArray x = data[1].features();
      int classes = compact.input().classes();
      assertArrayEquals(
          SparseNetwork.argMax(compact.logits(x).toFloatArray(), classes),
          SparseNetwork.argMax(head.forward(split.features(x), (int) data[1].size()), classes));
    }
  }

  /**
   * The chosen layers must beat the DJL head in a second pass too: a first pass that says they win
   * and a second that says they lose leave every batch size on the DJL head.
   */
  @Test
  void theLayersRunOnlyWhenTheyWinTheHeadComparisonTwice() {
    SparseNetwork split = SparseNetwork.of(compact);
    double[] fast = {0.4, 0.4, 0.4, 0.4, 0.4};
    double[] slow = {0.9, 0.9, 0.9, 0.9, 0.9};
    int layerCalls = 3 * TunedSparseHead.CALIBRATION_BATCHES.length;
    int[] call = {0};
    TunedSparseHead.Timer firstPassOnly =
        runs -> {
          int k = call[0]++;
          boolean sparseWins = k < layerCalls || (k - layerCalls) % 2 == 0;
          double[][] s = new double[runs.size()][];
          for (int i = 0; i < s.length; i++) {
            s[i] = (i == s.length - 1) == sparseWins ? slow.clone() : fast.clone();
          }
          return s;
        };
    try (TunedSparseHead head = TunedSparseHead.of(split, manager, 1)) {
      head.calibrate(firstPassOnly);
      for (int batch : TunedSparseHead.CALIBRATION_BATCHES) {
        assertTrue(head.runsInDjlAt(batch), "batch " + batch + ": " + head.kernelsAt(batch));
      }
      assertEquals(layerCalls + 2 * TunedSparseHead.CALIBRATION_BATCHES.length, call[0]);
      call[0] = 0;
      head.calibrate(fixed(fast, slow));
      for (int batch : TunedSparseHead.CALIBRATION_BATCHES) {
        assertFalse(head.runsInDjlAt(batch), "batch " + batch);
      }
    }
  }

  @Test
  void calibrationTimesEveryCandidateAndChoosesByTheMedians() {
    SparseNetwork split = SparseNetwork.of(compact);
    try (TunedSparseHead head = TunedSparseHead.of(split, manager, 1).calibrate()) {
      List<TunedSparseHead.Calibration> table = head.calibration();
      int batches = TunedSparseHead.CALIBRATION_BATCHES.length;
      long heads = table.stream().filter(c -> c.layer().equals("head")).count();
      assertEquals(3 * batches, table.size() - heads);
      assertTrue(
          heads >= batches && heads <= TunedSparseHead.HEAD_PASSES * batches, table.toString());
      for (TunedSparseHead.Calibration c : table) {
        assertEquals(
            c.layer().equals("head")
                ? List.of("chosen layers", TunedSparseHead.DJL_HEAD)
                : List.of("csr", "dense"),
            c.kernels());
        // millis are medians; sparse (index 0) only when clearly below the reference's.
        if (c.chosen().equals(c.kernels().get(0))) {
          assertTrue(c.millis()[0] * KernelChoice.MARGIN <= c.millis()[1], c.toString());
        }
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
