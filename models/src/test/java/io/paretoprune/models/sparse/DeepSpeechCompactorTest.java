package io.paretoprune.models.sparse;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Compaction of a DeepSpeech-style network (dense1..dense3, LSTM, dense4, dense5) with dead units
 * made by hand; the oracle is the uncompacted network's own forward in DJL.
 */
class DeepSpeechCompactorTest {
  private static final ModelZoo ZOO = ModelZoo.load();

  /**
   * The LSTM's cells: enough that the hand-pruned rows below fit. (DJL's LSTM itself is checked at
   * 4-32 cells by SelfCheckingLstmTest.)
   */
  private static final int H = 32;

  private static final int FEATURES = 12;
  private static final int CLASSES = 5;
  private static final float CLIP = 1.5f;

  private static NDManager manager;

  @TempDir Path dir;

  @BeforeAll
  static void start() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static Network deepSpeech() {
    return ZOO.create(
        "deepspeech",
        new PluginSettings(Map.of("n_hidden", H, "relu_clip", (double) CLIP, "dropout", 0.05)),
        new InputSpec(1, 6, FEATURES, CLASSES),
        manager,
        7);
  }

  private static float[] values(Network net, String name) {
    return net.catalog().get(name).array().toFloatArray();
  }

  private static void set(Network net, String name, float[] v) {
    net.catalog().get(name).array().set(v);
  }

  /** Zeroes row {@code r} of a {@code [rows, cols]} kernel: unit r's incoming weights. */
  private static void zeroRow(float[] k, int cols, int r) {
    Arrays.fill(k, r * cols, (r + 1) * cols, 0f);
  }

  /** Zeroes column {@code c} of a {@code [rows, cols]} kernel, except in row {@code except}. */
  private static void zeroColumn(float[] k, int cols, int c, int except) {
    for (int r = 0; r < k.length / cols; r++) {
      if (r != except) {
        k[r * cols + c] = 0f;
      }
    }
  }

  /**
   * The hand-made dead units, in the pruned network's numbering:
   *
   * <ul>
   *   <li>dense1 unit 1: nothing reads it (dense2's column 1 is zero);
   *   <li>dense2 unit 2: no incoming weights, bias 0.6, a constant 0.6 folded into dense3's bias;
   *       unit 5: no incoming weights, bias -0.4, the constant 0; unit 7: read only by dense3 unit
   *       6, so it goes on the second pass, after unit 6;
   *   <li>dense3 unit 3: no incoming weights, bias 0.7, folded into the LSTM's {@code b_ih}; unit
   *       4: no incoming weights, bias 2.0 above the clip, the constant 1.5; unit 6: the LSTM's
   *       {@code W_ih} column 6 is zero;
   *   <li>dense4 unit 0: no incoming weights from the LSTM, bias 0.3, folded into dense5's bias;
   *       unit 5: dense5's column 5 is zero.
   * </ul>
   *
   * <p>Units that still matter, though barely: dense1 unit 3 has one incoming and one outgoing
   * weight, dense3 unit 0 one nonzero entry in {@code W_ih}.
   */
  static Network prunedByHand() {
    Network net = deepSpeech();
    float[] w1 = values(net, "dense1.weight");
    float[] w2 = values(net, "dense2.weight");
    float[] b2 = values(net, "dense2.bias");
    float[] w3 = values(net, "dense3.weight");
    float[] b3 = values(net, "dense3.bias");
    float[] wih = values(net, "lstm1.l_0_i2h_WEIGHT");
    float[] bih = values(net, "lstm1.l_0_i2h_BIAS");
    float[] w4 = values(net, "dense4.weight");
    float[] b4 = values(net, "dense4.bias");
    float[] w5 = values(net, "dense5.weight");
    // Nonzero biases everywhere, so that folding has something to add to.
    for (float[] b : List.of(b2, b3, bih, b4)) {
      for (int i = 0; i < b.length; i++) {
        b[i] = 0.05f * (i % 5) - 0.1f;
      }
    }
    zeroColumn(w2, H, 1, -1);
    float[] b1 = values(net, "dense1.bias");
    Arrays.fill(b1, 0.2f);
    // dense1 unit 3: one incoming weight, one outgoing.
    zeroRow(w1, FEATURES, 3);
    w1[3 * FEATURES + 4] = 0.9f;
    zeroColumn(w2, H, 3, 0);
    w2[0 * H + 3] = 0.8f;
    zeroRow(w2, H, 2);
    b2[2] = 0.6f;
    zeroRow(w2, H, 5);
    b2[5] = -0.4f;
    zeroColumn(w3, H, 7, 6);
    zeroRow(w3, H, 3);
    b3[3] = 0.7f;
    zeroRow(w3, H, 4);
    b3[4] = 2.0f;
    zeroColumn(wih, H, 6, -1);
    // dense3 unit 0: one nonzero entry of W_ih (gate row 9, the input gate of cell 9).
    zeroColumn(wih, H, 0, 9);
    wih[9 * H] = 0.5f;
    zeroRow(w4, H, 0);
    b4[0] = 0.3f;
    zeroColumn(w5, H, 5, -1);
    set(net, "dense1.weight", w1);
    set(net, "dense1.bias", b1);
    set(net, "dense2.weight", w2);
    set(net, "dense2.bias", b2);
    set(net, "dense3.weight", w3);
    set(net, "dense3.bias", b3);
    set(net, "lstm1.l_0_i2h_WEIGHT", wih);
    set(net, "lstm1.l_0_i2h_BIAS", bih);
    set(net, "dense4.weight", w4);
    set(net, "dense4.bias", b4);
    set(net, "dense5.weight", w5);
    return net;
  }

  private static void assertSameLogits(Network pruned, Network compact) {
    int[][] shapes = {{1, 1}, {3, 5}, {2, 17}, {4, 40}};
    for (int[] s : shapes) {
      NDArray x = manager.randomUniform(-1, 1, new Shape(s[0], s[1], FEATURES));
      float[] want = pruned.logits(x).toFloatArray();
      float[] have = compact.logits(x).toFloatArray();
      assertEquals(want.length, have.length);
      assertEquals((long) s[0] * s[1] * CLASSES, have.length);
      for (int i = 0; i < want.length; i++) {
        assertEquals(want[i], have[i], 1e-5f, "logit " + i + " of " + Arrays.toString(s));
      }
      assertArrayEquals(SparseNetwork.argMax(want, CLASSES), SparseNetwork.argMax(have, CLASSES));
    }
  }

  @Test
  void removesDeadUnitsAroundTheLstmFoldingConstantsIntoItsInputBias() {
    Network pruned = prunedByHand();

    CompactedNetwork c = NetworkCompactor.compact(pruned, ZOO, manager);

    Map<String, Integer> before = new LinkedHashMap<>();
    for (String d : List.of("dense1", "dense2", "dense3", "dense4")) {
      before.put(d, H);
    }
    before.put("dense5", CLASSES);
    assertEquals(before, c.before());
    assertEquals(
        Map.of("dense1", H - 1, "dense2", H - 3, "dense3", H - 3, "dense4", H - 2, "dense5", 5),
        c.after());
    assertEquals(1 + 3 + 3 + 2, c.removed());
    Network small = c.network();
    assertEquals(
        new Shape(H - 1, FEATURES), small.catalog().get("dense1.weight").array().getShape());
    assertEquals(new Shape(H - 3, H - 1), small.catalog().get("dense2.weight").array().getShape());
    // The LSTM keeps its cells and reads the units left of dense3.
    assertEquals(
        new Shape(4 * H, H - 3), small.catalog().get("lstm1.l_0_i2h_WEIGHT").array().getShape());
    assertEquals(
        new Shape(4 * H, H), small.catalog().get("lstm1.l_0_h2h_WEIGHT").array().getShape());
    assertEquals(new Shape(H - 2, H), small.catalog().get("dense4.weight").array().getShape());
    assertEquals(
        new Shape(CLASSES, H - 2), small.catalog().get("dense5.weight").array().getShape());
    // The units that barely matter are kept whole: dense1 unit 3 is now row 2 (unit 1 went).
    float[] d1 = values(small, "dense1.weight");
    float[] row = Arrays.copyOfRange(d1, 2 * FEATURES, 3 * FEATURES);
    float[] expected = new float[FEATURES];
    expected[4] = 0.9f;
    assertArrayEquals(expected, row, 0f);
    float[] wih = values(small, "lstm1.l_0_i2h_WEIGHT");
    assertEquals(0.5f, wih[9 * (H - 3)], 0f, "dense3 unit 0's one weight into the LSTM");
    for (int g = 0; g < 4 * H; g++) {
      assertEquals(g == 9 ? 0.5f : 0f, wih[g * (H - 3)], 0f, "W_ih column 0, gate row " + g);
    }
    // b_ih took W_ih[:, 3] * 0.7 + W_ih[:, 4] * 1.5 (the clip), the h2h parameters are untouched.
    float[] oldWih = values(pruned, "lstm1.l_0_i2h_WEIGHT");
    float[] oldBih = values(pruned, "lstm1.l_0_i2h_BIAS");
    float[] bih = values(small, "lstm1.l_0_i2h_BIAS");
    for (int g = 0; g < 4 * H; g++) {
      float want = oldBih[g] + oldWih[g * H + 3] * 0.7f + oldWih[g * H + 4] * 1.5f;
      assertEquals(want, bih[g], 1e-6f, "b_ih of gate row " + g);
    }
    assertArrayEquals(
        values(pruned, "lstm1.l_0_h2h_WEIGHT"), values(small, "lstm1.l_0_h2h_WEIGHT"), 0f);
    assertArrayEquals(
        values(pruned, "lstm1.l_0_h2h_BIAS"), values(small, "lstm1.l_0_h2h_BIAS"), 0f);

    assertSameLogits(pruned, small);
  }

  /** A network with nothing dead keeps every width, and computes exactly what it did. */
  @Test
  void aDenseNetworkKeepsItsWidths() {
    Network net = deepSpeech();
    CompactedNetwork c = NetworkCompactor.compact(net, ZOO, manager);
    assertEquals(0, c.removed());
    assertEquals(c.before(), c.after());
    NDArray x = manager.randomUniform(-1, 1, new Shape(2, 9, FEATURES));
    assertArrayEquals(net.logits(x).toFloatArray(), c.network().logits(x).toFloatArray(), 0f);
  }

  /** The export is written and loaded back through the zoo with the narrowed widths. */
  @Test
  void theCompactedExportLoadsAgainAndComputesTheSame() throws Exception {
    Network pruned = prunedByHand();
    CompactedNetwork c = NetworkCompactor.compact(pruned, ZOO, manager);
    CompactManifest m = CompactExport.write(c, "SMGD-s1", 0.0, dir);
    assertEquals(c.after(), m.widths());
    assertEquals("deepspeech", m.model());
    Network loaded = CompactExport.load(dir, manager, ZOO);
    assertEquals(
        c.network().catalog().all().stream().map(ParameterRef::name).toList(),
        loaded.catalog().all().stream().map(ParameterRef::name).toList());
    for (ParameterRef p : c.network().catalog().all()) {
      assertArrayEquals(
          p.array().toFloatArray(), values(loaded, p.name()), 0f, p.name() + " reloaded");
    }
    NDArray x = manager.randomUniform(-1, 1, new Shape(3, 11, FEATURES));
    assertArrayEquals(c.network().logits(x).toFloatArray(), loaded.logits(x).toFloatArray(), 0f);
    assertSameLogits(pruned, loaded);
    assertTrue(m.parameters().stream().anyMatch(p -> p.name().equals("lstm1.l_0_i2h_WEIGHT")));
  }
}
