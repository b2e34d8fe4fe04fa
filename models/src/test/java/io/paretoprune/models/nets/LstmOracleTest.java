package io.paretoprune.models.nets;

import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * DJL's LSTM (the block of the {@code deepspeech} model: one layer, batch first) against the LSTM
 * of its own parameters written out by hand in double: PyTorch's gate order i, f, g, o in the rows
 * of {@code W_ih [4H, F]} and {@code W_hh [4H, H]}, {@code c_t = f c_{t-1} + i g}, {@code h_t = o
 * tanh(c_t)}. At several widths, small ones included: a session once saw some input weights have no
 * effect at 4-16 cells on another machine of this kind, so every build checks it here, in inference
 * and in training mode.
 */
class LstmOracleTest {
  private static final int BATCH = 3;
  private static final int FRAMES = 7;
  private static final int FEATURES = 12;

  private static NDManager manager;

  @BeforeAll
  static void start() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  @ParameterizedTest
  @ValueSource(ints = {4, 8, 16, 20, 32})
  void djlsLstmComputesTheLstmOfItsParameters(int cells) {
    try (NDManager m = manager.newSubManager()) {
      LSTM lstm = LSTM.builder().setStateSize(cells).setNumLayers(1).optBatchFirst(true).build();
      lstm.setInitializer(
          (mgr, shape, type) -> mgr.randomUniform(-0.5f, 0.5f, shape, type),
          ai.djl.nn.Parameter.Type.WEIGHT);
      lstm.setInitializer(
          (mgr, shape, type) -> mgr.randomUniform(-0.5f, 0.5f, shape, type),
          ai.djl.nn.Parameter.Type.BIAS);
      lstm.initialize(m, DataType.FLOAT32, new Shape(BATCH, FRAMES, FEATURES));
      NDArray x = m.randomUniform(-1f, 1f, new Shape(BATCH, FRAMES, FEATURES));
      float[][] wih = rows(lstm, "l_0_i2h_WEIGHT", 4 * cells, FEATURES);
      float[][] whh = rows(lstm, "l_0_h2h_WEIGHT", 4 * cells, cells);
      float[] bih = lstm.getParameters().get("l_0_i2h_BIAS").getArray().toFloatArray();
      float[] bhh = lstm.getParameters().get("l_0_h2h_BIAS").getArray().toFloatArray();
      double[] expected = byHand(x.toFloatArray(), wih, whh, bih, bhh, cells);
      for (boolean training : new boolean[] {false, true}) {
        NDList out = lstm.forward(new ParameterStore(m, false), new NDList(x), training);
        float[] actual = out.get(0).toFloatArray();
        assertEquals(expected.length, actual.length);
        for (int i = 0; i < actual.length; i++) {
          assertEquals(
              expected[i],
              actual[i],
              1e-5,
              cells + " cells, training " + training + ": output " + i + " of " + actual.length);
        }
      }
    }
  }

  private static float[][] rows(LSTM lstm, String name, int rows, int cols) {
    float[] flat = lstm.getParameters().get(name).getArray().toFloatArray();
    assertEquals(rows * cols, flat.length, name);
    float[][] r = new float[rows][cols];
    for (int i = 0; i < rows; i++) {
      System.arraycopy(flat, i * cols, r[i], 0, cols);
    }
    return r;
  }

  /** The outputs h_t, {@code [batch, frames, cells]} flattened, from zero initial states. */
  private static double[] byHand(
      float[] x, float[][] wih, float[][] whh, float[] bih, float[] bhh, int cells) {
    double[] out = new double[BATCH * FRAMES * cells];
    for (int b = 0; b < BATCH; b++) {
      double[] h = new double[cells];
      double[] c = new double[cells];
      for (int t = 0; t < FRAMES; t++) {
        double[] z = new double[4 * cells];
        for (int r = 0; r < 4 * cells; r++) {
          double s = bih[r] + bhh[r];
          for (int f = 0; f < FEATURES; f++) {
            s += wih[r][f] * x[(b * FRAMES + t) * FEATURES + f];
          }
          for (int k = 0; k < cells; k++) {
            s += whh[r][k] * h[k];
          }
          z[r] = s;
        }
        for (int k = 0; k < cells; k++) {
          double i = sigmoid(z[k]);
          double f = sigmoid(z[cells + k]);
          double g = Math.tanh(z[2 * cells + k]);
          double o = sigmoid(z[3 * cells + k]);
          c[k] = f * c[k] + i * g;
          h[k] = o * Math.tanh(c[k]);
          out[(b * FRAMES + t) * cells + k] = h[k];
        }
      }
    }
    return out;
  }

  private static double sigmoid(double v) {
    return 1 / (1 + Math.exp(-v));
  }
}
