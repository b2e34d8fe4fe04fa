package io.paretoprune.speech.ctc;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Arrays;
import java.util.Random;
import org.junit.jupiter.api.Test;

class CtcForwardBackwardTest {

  /** Each row's log-softmax, computed here apart from the recursions' own softmax. */
  static double[][] logSoftmax(double[][] logits) {
    double[][] out = new double[logits.length][];
    for (int t = 0; t < logits.length; t++) {
      double[] row = logits[t];
      double max = Double.NEGATIVE_INFINITY;
      for (double v : row) {
        max = Math.max(max, v);
      }
      double sum = 0;
      for (double v : row) {
        sum += Math.exp(v - max);
      }
      double log = max + Math.log(sum);
      out[t] = new double[row.length];
      for (int k = 0; k < row.length; k++) {
        out[t][k] = row[k] - log;
      }
    }
    return out;
  }

  /** -log of the summed probability of every frame-by-frame path that collapses to the labels. */
  static double bruteForceNll(double[][] logits, int[] labels, int blank) {
    double[][] logProbs = logSoftmax(logits);
    int frames = logits.length;
    int classes = logits[0].length;
    int[] path = new int[frames];
    double total = 0;
    long paths = Math.round(Math.pow(classes, frames));
    for (long code = 0; code < paths; code++) {
      long rest = code;
      double logp = 0;
      for (int t = 0; t < frames; t++) {
        path[t] = (int) (rest % classes);
        rest /= classes;
        logp += logProbs[t][path[t]];
      }
      if (Arrays.equals(GreedyCtcDecoder.collapse(path, blank), labels)) {
        total += Math.exp(logp);
      }
    }
    return -Math.log(total);
  }

  static double[][] randomLogits(Random rng, int frames, int classes) {
    double[][] x = new double[frames][classes];
    for (double[] row : x) {
      for (int k = 0; k < classes; k++) {
        row[k] = 2 * rng.nextGaussian();
      }
    }
    return x;
  }

  /** Labels of random length that the frames can hold, none of them the blank. */
  static int[] randomLabels(Random rng, int frames, int classes, int blank) {
    while (true) {
      int[] labels = new int[rng.nextInt(frames + 1)];
      for (int i = 0; i < labels.length; i++) {
        int c = rng.nextInt(classes - 1);
        labels[i] = c >= blank ? c + 1 : c;
      }
      if (CtcForwardBackward.framesNeeded(labels) <= frames) {
        return labels;
      }
    }
  }

  @Test
  void matchesEnumerationOfAllAlignmentsOnTinyCases() {
    Random rng = new Random(7);
    int checked = 0;
    for (int frames = 1; frames <= 5; frames++) {
      for (int classes = 2; classes <= 3; classes++) {
        for (int blank : new int[] {0, classes - 1}) {
          for (int trial = 0; trial < 6; trial++) {
            double[][] x = randomLogits(rng, frames, classes);
            int[] labels = randomLabels(rng, frames, classes, blank);
            double expected = bruteForceNll(x, labels, blank);
            double actual = CtcForwardBackward.compute(x, labels, blank).negLogLikelihood();
            assertEquals(
                expected,
                actual,
                1e-10 * Math.max(1, Math.abs(expected)),
                "T=" + frames + " C=" + classes + " labels " + Arrays.toString(labels));
            checked++;
          }
        }
      }
    }
    assertEquals(120, checked);
  }

  @Test
  void gradientMatchesCentralFiniteDifferences() {
    Random rng = new Random(11);
    double h = 1e-5;
    for (int trial = 0; trial < 12; trial++) {
      int frames = 2 + rng.nextInt(7);
      int classes = 2 + rng.nextInt(4);
      int blank = trial % 2 == 0 ? 0 : classes - 1;
      double[][] x = randomLogits(rng, frames, classes);
      int[] labels = randomLabels(rng, frames, classes, blank);
      double[][] g = CtcForwardBackward.compute(x, labels, blank).gradient();
      for (int t = 0; t < frames; t++) {
        for (int k = 0; k < classes; k++) {
          double keep = x[t][k];
          x[t][k] = keep + h;
          double up = CtcForwardBackward.compute(x, labels, blank).negLogLikelihood();
          x[t][k] = keep - h;
          double down = CtcForwardBackward.compute(x, labels, blank).negLogLikelihood();
          x[t][k] = keep;
          assertEquals((up - down) / (2 * h), g[t][k], 1e-7, "trial " + trial + " t=" + t);
        }
      }
    }
  }

  @Test
  void eachFramesGradientSumsToZero() {
    // softmax - posterior: both sum to one over the classes.
    double[][] g =
        CtcForwardBackward.compute(randomLogits(new Random(3), 9, 5), new int[] {1, 2, 2, 3}, 0)
            .gradient();
    for (double[] row : g) {
      assertEquals(0, Arrays.stream(row).sum(), 1e-12);
    }
  }

  @Test
  void emptyTranscriptIsAllBlanks() {
    double[][] x = randomLogits(new Random(5), 4, 3);
    double[][] logProbs = logSoftmax(x);
    double expected = 0;
    for (double[] row : logProbs) {
      expected -= row[2];
    }
    assertEquals(expected, CtcForwardBackward.compute(x, new int[0], 2).negLogLikelihood(), 1e-12);
  }

  @Test
  void exactlyEnoughFramesLeaveOnePath() {
    // "a a" in 3 frames has the single alignment a, blank, a.
    double[][] x = randomLogits(new Random(9), 3, 2);
    double[][] lp = logSoftmax(x);
    double expected = -(lp[0][0] + lp[1][1] + lp[2][0]);
    assertEquals(
        expected, CtcForwardBackward.compute(x, new int[] {0, 0}, 1).negLogLikelihood(), 1e-12);
  }

  @Test
  void framesTooFewForTheTranscriptAreAnErrorNotInfinity() {
    assertEquals(6, CtcForwardBackward.framesNeeded(new int[] {1, 1, 2, 2}));
    assertEquals(3, CtcForwardBackward.framesNeeded(new int[] {1, 2, 1}));
    IllegalArgumentException e =
        assertThrows(
            IllegalArgumentException.class,
            () ->
                CtcForwardBackward.compute(
                    randomLogits(new Random(1), 5, 3), new int[] {1, 1, 2, 2}, 0));
    assertEquals(
        "5 frames cannot hold its transcript of 4 labels with 2 adjacent repeats"
            + " (needs at least 6 frames)",
        e.getMessage());
  }

  @Test
  void labelThatIsTheBlankOrOutOfRangeIsRefused() {
    double[][] x = randomLogits(new Random(1), 4, 3);
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> CtcForwardBackward.compute(x, new int[] {1, 2}, 2))
            .getMessage()
            .startsWith("label 1 is 2, not a symbol class"));
    assertTrue(
        assertThrows(
                IllegalArgumentException.class,
                () -> CtcForwardBackward.compute(x, new int[] {3}, 2))
            .getMessage()
            .startsWith("label 0 is 3"));
  }

  @Test
  void logSumExpOfTwoAndThreeTerms() {
    double inf = Double.NEGATIVE_INFINITY;
    assertEquals(
        Math.log(Math.exp(-1) + Math.exp(-2)), CtcForwardBackward.logSumExp(-1, -2), 1e-15);
    assertEquals(
        Math.log(Math.exp(0.5) + Math.exp(-3) + Math.exp(2)),
        CtcForwardBackward.logSumExp(0.5, -3, 2),
        1e-15);
    assertEquals(-4, CtcForwardBackward.logSumExp(inf, -4), 0);
    assertEquals(-4, CtcForwardBackward.logSumExp(inf, -4, inf), 0);
    assertEquals(inf, CtcForwardBackward.logSumExp(inf, inf, inf), 0);
    // Far apart: the smaller term is below the larger one's ulp.
    assertEquals(-700, CtcForwardBackward.logSumExp(-700, -1500, -2000), 0);
  }

  @Test
  void aConfidentlyWrongNetworkHasAFiniteExactLoss() {
    // Blank scores 300 above every symbol on all 60 frames; the transcript 1 2 1 2 ... of 20
    // labels. The likeliest alignments emit each label on one frame, C(60, 20) of them, each
    // e^-6000; the rest are smaller by e^-300 or more. A recursion that rescaled probabilities
    // instead of working in logs would underflow here.
    int frames = 60;
    int[] labels = new int[20];
    for (int i = 0; i < labels.length; i++) {
      labels[i] = 1 + i % 2;
    }
    double[][] x = new double[frames][3];
    for (double[] row : x) {
      row[0] = 300;
    }
    double logChoose = 0;
    for (int i = 1; i <= 20; i++) {
      logChoose += Math.log(frames - 20 + i) - Math.log(i);
    }
    CtcForwardBackward.Result r = CtcForwardBackward.compute(x, labels, 0);
    assertEquals(20 * 300 - logChoose, r.negLogLikelihood(), 1e-9 * 6000);
    for (double[] row : r.gradient()) {
      assertTrue(Arrays.stream(row).allMatch(Double::isFinite));
      assertEquals(0, Arrays.stream(row).sum(), 1e-9);
    }
  }
}
