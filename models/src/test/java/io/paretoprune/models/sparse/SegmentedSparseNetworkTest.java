package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterKind;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.nets.SelfCheckingLstm;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SegmentedSparseNetworkTest {
  /** Zeroes every dense kernel entry below {@code cut} in magnitude. */
  static void prune(Network net, float cut) {
    for (ParameterRef p : net.catalog().all()) {
      if (p.kind() == ParameterKind.DENSE_KERNEL) {
        float[] w = p.array().toFloatArray();
        for (int i = 0; i < w.length; i++) {
          if (Math.abs(w[i]) < cut) {
            w[i] = 0f;
          }
        }
        p.array().set(w);
      }
    }
  }

  /**
   * DeepSpeech (dense layers 1-3, LSTM, dense 5-6; clipped ReLU, dropout) with pruned dense
   * kernels: the CSR layers around DJL's LSTM give the network's own per-frame logits (float
   * rounding) and the same class per frame, on 1 and 2 threads; the LSTM's input is what the third
   * dense layer gives.
   */
  @Test
  void deepSpeechWithSparseDenseLayersGivesTheNetworksLogits() {
    EngineSetup.pytorchOffline();
    try (NDManager m = NDManager.newBaseManager()) {
      InputSpec input = new InputSpec(1, 9, 20, 6);
      // 3 x 50 frames: more rows than one chunk of the dense layers (SegmentedSparseNetwork.CHUNK).
      Network net =
          ModelZoo.load()
              .create(
                  "deepspeech",
                  new PluginSettings(Map.of("n_hidden", 16, "relu_clip", 0.3)),
                  input,
                  m,
                  3);
      prune(net, 0.2f);
      NDArray x = m.randomUniform(0, 1, new Shape(3, 50, 20));
      float[] expected = net.logits(x).toFloatArray();
      for (int threads : new int[] {1, 2}) {
        try (SegmentedSparseNetwork sparse = SegmentedSparseNetwork.of(net, threads)) {
          assertEquals(2, sparse.djlBlocks().size(), "frames view and LSTM");
          assertTrue(sparse.nonzeros() < sparse.denseWeights());
          float[] got = sparse.logits(x);
          assertEquals(expected.length, got.length);
          for (int i = 0; i < got.length; i++) {
            assertEquals(expected[i], got[i], 1e-5f, "threads " + threads + " logit " + i);
          }
          assertArrayEquals(SparseNetwork.argMax(expected, 6), SparseNetwork.argMax(got, 6));
          NDArray lstmIn =
              sparse.inputOf(
                  sparse.djlBlocks().stream()
                      .filter(b -> SelfCheckingLstm.lstmOf(b).isPresent())
                      .findFirst()
                      .get(),
                  x);
          assertEquals(new Shape(3, 50, 16), lstmIn.getShape());
          assertTrue(lstmIn.max().getFloat() <= 0.3f && lstmIn.min().getFloat() >= 0f);
        }
      }
    }
  }
}
