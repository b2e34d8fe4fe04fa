package io.paretoprune.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import io.paretoprune.core.engine.EngineSetup;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class CtcLossTest {
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  private static float[] randomFloats(Random rng, int n) {
    float[] out = new float[n];
    for (int i = 0; i < n; i++) {
      out[i] = (float) (2 * rng.nextGaussian());
    }
    return out;
  }

  private static double[][] sample(float[] flat, int b, int frames, int classes, int length) {
    double[][] x = new double[length][classes];
    for (int t = 0; t < length; t++) {
      for (int k = 0; k < classes; k++) {
        x[t][k] = flat[(b * frames + t) * classes + k];
      }
    }
    return x;
  }

  @Test
  void autogradGradientIsTheHostGradientAndPaddingGetsNone() {
    int frames = 7;
    int classes = 4;
    int[] lengths = {7, 4, 5};
    int[][] labels = {{0, 1, 1}, {2}, {0, 2, 0}};
    float[] flat = randomFloats(new Random(2), 3 * frames * classes);
    CtcLoss ctc = new CtcLoss(3, CtcReduction.MEAN);
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.create(flat, new Shape(3, frames, classes));
      logits.setRequiresGradient(true);
      float value;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray loss = ctc.evaluate(logits, lengths, labels);
        assertEquals(new Shape(), loss.getShape());
        value = loss.getFloat();
        gc.backward(loss);
      }
      float[] grad = logits.getGradient().toFloatArray();
      double expectedValue = 0;
      for (int b = 0; b < 3; b++) {
        CtcForwardBackward.Result r =
            CtcForwardBackward.compute(sample(flat, b, frames, classes, lengths[b]), labels[b], 3);
        expectedValue += r.negLogLikelihood() / 3;
        for (int t = 0; t < frames; t++) {
          for (int k = 0; k < classes; k++) {
            double expected = t < lengths[b] ? r.gradient()[t][k] / 3 : 0;
            assertEquals(
                expected, grad[(b * frames + t) * classes + k], 1e-6, "b=" + b + " t=" + t);
          }
        }
      }
      assertEquals(expectedValue, value, 1e-5);
    }
  }

  @Test
  void gradientReachesTheWeightsBeforeTheLogits() {
    // logits = x W: dL/dW = sum over (b, t) of x^T G, with G the loss's gradient at the logits.
    int frames = 5;
    int features = 3;
    int classes = 3;
    int[] lengths = {5, 3};
    int[][] labels = {{0, 1}, {1}};
    Random rng = new Random(4);
    float[] xs = randomFloats(rng, 2 * frames * features);
    float[] ws = randomFloats(rng, features * classes);
    CtcLoss ctc = new CtcLoss(2, CtcReduction.SUM);
    try (NDManager m = manager.newSubManager()) {
      NDArray x = m.create(xs, new Shape(2, frames, features));
      NDArray w = m.create(ws, new Shape(features, classes));
      w.setRequiresGradient(true);
      CtcLoss.Batch batch;
      try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = x.matMul(w);
        batch = ctc.compute(logits, lengths, labels);
        gc.backward(ctc.evaluate(logits, lengths, labels));
      }
      float[] actual = w.getGradient().toFloatArray();
      float[] expected = new float[features * classes];
      for (int row = 0; row < 2 * frames; row++) {
        for (int f = 0; f < features; f++) {
          for (int k = 0; k < classes; k++) {
            expected[f * classes + k] +=
                xs[row * features + f] * batch.gradient()[row * classes + k];
          }
        }
      }
      assertArrayEquals(expected, actual, 1e-5f);
    }
  }

  @Test
  void reductionsDivideAsDocumented() {
    int frames = 6;
    int classes = 3;
    int[] lengths = {6, 6};
    int[][] labels = {{0, 1, 0}, {1}};
    float[] flat = randomFloats(new Random(8), 2 * frames * classes);
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.create(flat, new Shape(2, frames, classes));
      double[] nll =
          new CtcLoss(2, CtcReduction.SUM).compute(logits, lengths, labels).negLogLikelihoods();
      assertEquals(
          nll[0] + nll[1],
          new CtcLoss(2, CtcReduction.SUM).compute(logits, lengths, labels).value(),
          1e-12);
      assertEquals(
          (nll[0] + nll[1]) / 2,
          new CtcLoss(2, CtcReduction.MEAN).compute(logits, lengths, labels).value(),
          1e-12);
      assertEquals(
          (nll[0] / 3 + nll[1] / 1) / 2,
          new CtcLoss(2, CtcReduction.MEAN_PER_LABEL).compute(logits, lengths, labels).value(),
          1e-12);
    }
  }

  @Test
  void sampleTooShortForItsTranscriptIsNamed() {
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.zeros(new Shape(3, 4, 3));
      CtcLoss ctc = new CtcLoss(2, CtcReduction.MEAN);
      CtcDataException e =
          assertThrows(
              CtcDataException.class,
              () -> ctc.evaluate(logits, new int[] {4, 2, 4}, new int[][] {{0}, {1, 1}, {0}}));
      assertEquals(1, e.sample());
      assertEquals(
          "sample 1 of the batch: 2 frames cannot hold its transcript of 2 labels with 1"
              + " adjacent repeats (needs at least 3 frames)",
          e.getMessage());
    }
  }

  @Test
  void badLengthsAndLabelsAreNamed() {
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.zeros(new Shape(2, 4, 3));
      CtcLoss ctc = new CtcLoss(2, CtcReduction.MEAN);
      assertEquals(
          "sample 0 of the batch: input length 5 exceeds the batch's 4 frames",
          assertThrows(
                  CtcDataException.class,
                  () -> ctc.evaluate(logits, new int[] {5, 4}, new int[][] {{0}, {1}}))
              .getMessage());
      assertEquals(
          "sample 1 of the batch: no frames",
          assertThrows(
                  CtcDataException.class,
                  () -> ctc.evaluate(logits, new int[] {4, 0}, new int[][] {{0}, {1}}))
              .getMessage());
      assertEquals(
          1,
          assertThrows(
                  CtcDataException.class,
                  () -> ctc.evaluate(logits, new int[] {4, 4}, new int[][] {{0}, {2}}))
              .sample());
      assertThrows(
          IllegalArgumentException.class,
          () -> ctc.evaluate(m.zeros(new Shape(2, 4)), new int[] {4, 4}, new int[][] {{0}, {1}}));
      assertThrows(
          IllegalArgumentException.class,
          () -> ctc.evaluate(logits, new int[] {4}, new int[][] {{0}, {1}}));
    }
  }

  @Test
  void paddedBatchesGiveTheSameLossAsPerSampleArrays() {
    int frames = 6;
    int classes = 4;
    float[] flat = randomFloats(new Random(12), 2 * frames * classes);
    CtcLoss ctc = new CtcLoss(3, CtcReduction.MEAN);
    try (NDManager m = manager.newSubManager()) {
      NDArray logits = m.create(flat, new Shape(2, frames, classes));
      // Padding holds 2, a valid class, after each transcript: it must not be read.
      NDArray labels = m.create(new int[] {0, 1, 1, 2, 2, 2}, new Shape(2, 3));
      NDArray labelLengths = m.create(new long[] {3, 1});
      NDArray inputLengths = m.create(new int[] {6, 4});
      float padded = ctc.evaluate(logits, inputLengths, labels, labelLengths).getFloat();
      float arrays =
          ctc.evaluate(logits, new int[] {6, 4}, new int[][] {{0, 1, 1}, {2}}).getFloat();
      assertEquals(arrays, padded, 0f);
      assertEquals(
          "sample 1: label length 4 not in [0, 3]",
          assertThrows(
                  IllegalArgumentException.class,
                  () -> PaddedLabels.unpad(labels, m.create(new int[] {3, 4})))
              .getMessage());
      assertThrows(
          IllegalArgumentException.class,
          () -> PaddedLabels.unpad(labels, m.create(new int[] {3})));
    }
  }
}
