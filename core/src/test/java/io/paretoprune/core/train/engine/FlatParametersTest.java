package io.paretoprune.core.train.engine;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.nn.SequentialBlock;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.testing.TestNets;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The parameters as leaves sharing one flat array: values, writes and gradients. */
class FlatParametersTest {
  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
  }

  private static void backward(NDManager m, SequentialBlock net, NDArray x) {
    try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
      NDArray out = net.forward(new ParameterStore(m, false), new NDList(x), true).head();
      gc.backward(out.square().sum());
    }
  }

  @Test
  void valuesWritesAndGradientsGoThroughTheFlatArray() {
    try (NDManager m = NDManager.newBaseManager()) {
      SequentialBlock net = TestNets.mlp(m, 3, 4, 5, 2);
      List<ParameterRef> order = ParameterCatalog.of(net).trainable();
      List<float[]> before = new ArrayList<>();
      for (ParameterRef p : order) {
        before.add(p.array().toFloatArray());
      }
      FlatParameters flat = FlatParameters.adopt(order, m);
      NDArray x = m.randomUniform(-1, 1, new ai.djl.ndarray.types.Shape(6, 4));

      // Values are kept, and each parameter reads its own slice of the flat array.
      for (int i = 0; i < order.size(); i++) {
        assertArrayEquals(before.get(i), order.get(i).array().toFloatArray(), 0f);
        assertArrayEquals(
            before.get(i),
            flat.array().get(FlatParameters.slice(flat.offset(i), flat.end(i))).toFloatArray(),
            0f);
      }

      // A write to the flat array is what the network computes with.
      flat.array().get(new NDIndex("0:3")).muli(0);
      assertEquals(0f, order.get(0).array().toFloatArray()[0], 0f);

      // The flat gradient is the parameters' gradients in layout order.
      flat.zeroGradient();
      backward(m, net, x);
      float[] once = flat.gradient().toFloatArray();
      assertEquals(flat.size(), once.length);
      for (int i = 0; i < order.size(); i++) {
        float[] own = order.get(i).array().getGradient().toFloatArray();
        float[] slice = new float[own.length];
        System.arraycopy(once, (int) flat.offset(i), slice, 0, own.length);
        assertArrayEquals(own, slice, 0f);
      }

      // Zeroing works: without it the next backward pass adds up, with it it starts over.
      backward(m, net, x);
      float[] twice = flat.gradient().toFloatArray();
      flat.zeroGradient();
      backward(m, net, x);
      float[] again = flat.gradient().toFloatArray();
      for (int j = 0; j < once.length; j++) {
        assertEquals(2 * once[j], twice[j], 1e-5f * (1 + Math.abs(once[j])));
      }
      assertArrayEquals(once, again, 1e-6f);
    }
  }
}
