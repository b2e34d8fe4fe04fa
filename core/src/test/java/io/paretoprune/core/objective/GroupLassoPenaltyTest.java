package io.paretoprune.core.objective;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterSelector;
import java.util.Random;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class GroupLassoPenaltyTest {
  private static final GroupLassoPenalty UNIT =
      new GroupLassoPenalty(ParameterSelector.denseKernels(), 1.0);

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  @Test
  void valueAndGradientByHand() {
    try (NDManager m = NDManager.newBaseManager()) {
      // Units (rows) of norm 5, 0 and 3.
      NDArray w = m.create(new float[] {3, 4, 0, 0, 0, 0, 1, 2, 2}, new Shape(3, 3));
      assertEquals(8f, UNIT.value(w).getFloat(), 1e-6);
      assertArrayEquals(
          new float[] {0.6f, 0.8f, 0, 0, 0, 0, 1 / 3f, 2 / 3f, 2 / 3f},
          UNIT.gradient(w).toFloatArray(),
          1e-6f);
      GroupLassoPenalty half = new GroupLassoPenalty(ParameterSelector.denseKernels(), 0.5);
      assertEquals(4f, half.value(w).getFloat(), 1e-6);
      assertArrayEquals(
          new float[] {0.3f, 0.4f, 0, 0, 0, 0, 1 / 6f, 1 / 3f, 1 / 3f},
          half.gradient(w).toFloatArray(),
          1e-6f);
      assertEquals(new Shape(3, 3), UNIT.gradient(w).getShape());
    }
  }

  @Test
  void gradientMatchesCentralDifferences() {
    try (NDManager m = NDManager.newBaseManager()) {
      Random r = new Random(3);
      double[] v = new double[6 * 5];
      for (int i = 0; i < v.length; i++) {
        v[i] = r.nextGaussian();
      }
      GroupLassoPenalty p = new GroupLassoPenalty(ParameterSelector.denseKernels(), 0.7);
      NDArray w = m.create(v, new Shape(6, 5));
      double[] g = p.gradient(w).toDoubleArray();
      double h = 1e-6;
      for (int i = 0; i < v.length; i++) {
        double[] plus = v.clone();
        double[] minus = v.clone();
        plus[i] += h;
        minus[i] -= h;
        double fd =
            (p.value(m.create(plus, new Shape(6, 5))).getDouble()
                    - p.value(m.create(minus, new Shape(6, 5))).getDouble())
                / (2 * h);
        assertEquals(fd, g[i], 1e-7, "entry " + i);
      }
    }
  }

  @Test
  void aZeroUnitHasSubgradientZeroAndNoNaN() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray w =
          m.create(
              new float[] {0, 0, 0, 0, 1e-30f, -1e-30f, 1e-30f, 0, 2, 0, 0, 0}, new Shape(3, 4));
      float[] g = UNIT.gradient(w).toFloatArray();
      // Row 0 is exactly zero, row 1 underflows when squared: both get 0, never 0 / 0.
      for (int i = 0; i < 8; i++) {
        assertEquals(0f, g[i], 0f, "entry " + i);
      }
      assertArrayEquals(new float[] {1, 0, 0, 0}, java.util.Arrays.copyOfRange(g, 8, 12));
      assertEquals(2f, UNIT.value(w).getFloat(), 1e-6);
    }
  }

  @Test
  void aVectorIsOneGroupPerEntryAndAConvKernelOnePerFilter() {
    try (NDManager m = NDManager.newBaseManager()) {
      NDArray bias = m.create(new float[] {-2, 0, 3});
      assertEquals(5f, UNIT.value(bias).getFloat(), 1e-6);
      assertArrayEquals(new float[] {-1, 0, 1}, UNIT.gradient(bias).toFloatArray());
      // Two filters [1, 2, 2]: all 1s (norm 2) and all 0s except one 3.
      NDArray conv = m.create(new float[] {1, 1, 1, 1, 0, 0, 3, 0}, new Shape(2, 1, 2, 2));
      assertEquals(5f, UNIT.value(conv).getFloat(), 1e-6);
      assertArrayEquals(
          new float[] {0.5f, 0.5f, 0.5f, 0.5f, 0, 0, 1, 0}, UNIT.gradient(conv).toFloatArray());
      assertEquals(new Shape(2, 1, 2, 2), UNIT.gradient(conv).getShape());
    }
  }

  /** DJL's Linear kernel is [out, in]: a zero row silences exactly that output neuron. */
  @Test
  void aUnitIsAnOutputNeuronOfDjlsLinear() {
    try (NDManager m = NDManager.newBaseManager()) {
      Linear dense = Linear.builder().setUnits(3).build();
      dense.initialize(m, DataType.FLOAT32, new Shape(2, 4));
      Parameter weight = dense.getParameters().get("weight");
      Parameter bias = dense.getParameters().get("bias");
      assertEquals(new Shape(3, 4), weight.getArray().getShape());
      bias.getArray().set(m.create(new float[] {0.1f, 0.2f, 0.3f}).toFloatArray());
      weight.getArray().set(new ai.djl.ndarray.index.NDIndex("1, :"), 0f);
      NDArray x = m.randomNormal(new Shape(5, 4));
      NDArray y =
          dense.forward(new ParameterStore(m, false), new NDList(x), false).singletonOrThrow();
      float[] unit1 = y.get(":, 1").toFloatArray();
      for (float v : unit1) {
        assertEquals(0.2f, v, 1e-6);
      }
      assertFalse(y.get(":, 0").eq(0.1f).all().getBoolean());
      // Its group-lasso group is that row.
      assertEquals(0f, UNIT.gradient(weight.getArray()).get("1, :").abs().sum().getFloat());
    }
  }

  @Test
  void refusesANonPositiveFactor() {
    assertThrows(
        IllegalArgumentException.class,
        () -> new GroupLassoPenalty(ParameterSelector.denseKernels(), 0));
    assertFalse(UNIT.elementwise());
  }
}
