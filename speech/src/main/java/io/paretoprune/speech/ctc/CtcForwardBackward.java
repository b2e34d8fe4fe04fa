package io.paretoprune.speech.ctc;

/**
 * The CTC negative log-likelihood of one sample and its exact gradient with respect to the logits,
 * by the forward-backward recursions of Graves et al. (2006) in log space, in double.
 *
 * <p>Hand-written because DJL has no CTC operator. The labels are extended with a blank before,
 * between and after them ({@code S = 2L + 1} states); {@code alpha[t][s]} is the log probability of
 * the prefixes that are in state {@code s} at frame {@code t} (frame {@code t}'s emission included)
 * and {@code beta[t][s]} that of the suffixes from state {@code s} after frame {@code t} (its
 * emission excluded), so {@code exp(alpha + beta - log p)} is the posterior of being in state
 * {@code s} at frame {@code t}. With {@code y = softmax(logits)} and {@code gamma[t][k]} the
 * posterior summed over the states of class {@code k}, {@code d(-log p)/d logits[t][k] = y[t][k] -
 * gamma[t][k]}.
 */
public final class CtcForwardBackward {
  private CtcForwardBackward() {}

  /**
   * @param negLogLikelihood {@code -log p(labels | logits)}
   * @param gradient its derivative with respect to each logit, {@code [frames][classes]}
   */
  public record Result(double negLogLikelihood, double[][] gradient) {}

  /**
   * The fewest frames that can hold {@code labels}: one per label, plus one blank between each pair
   * of equal adjacent labels (CTC collapses repeats that no blank separates).
   */
  public static int framesNeeded(int[] labels) {
    int needed = labels.length;
    for (int i = 1; i < labels.length; i++) {
      if (labels[i] == labels[i - 1]) {
        needed++;
      }
    }
    return needed;
  }

  /**
   * Scores one sample.
   *
   * @param logits unnormalised scores {@code [frames][classes]}; log-softmax is taken here
   * @param labels the transcript as classes, none of them {@code blank}
   * @param blank the blank's class
   * @throws IllegalArgumentException when the frames cannot hold the labels or a label is bad
   */
  public static Result compute(double[][] logits, int[] labels, int blank) {
    int frames = logits.length;
    int classes = frames == 0 ? 0 : logits[0].length;
    String problem = problem(frames, classes, labels, blank);
    if (problem != null) {
      throw new IllegalArgumentException(problem);
    }
    double[][] logProbs = logSoftmax(logits);
    int states = 2 * labels.length + 1;
    int[] ext = new int[states];
    for (int s = 0; s < states; s++) {
      ext[s] = s % 2 == 0 ? blank : labels[s / 2];
    }
    double[][] alpha = forward(logProbs, ext);
    double[][] beta = backward(logProbs, ext);
    int last = frames - 1;
    double logP =
        states == 1 ? alpha[last][0] : logSumExp(alpha[last][states - 1], alpha[last][states - 2]);

    double[][] gradient = new double[frames][classes];
    double[] gammaLog = new double[classes];
    for (int t = 0; t < frames; t++) {
      java.util.Arrays.fill(gammaLog, Double.NEGATIVE_INFINITY);
      for (int s = 0; s < states; s++) {
        gammaLog[ext[s]] = logSumExp(gammaLog[ext[s]], alpha[t][s] + beta[t][s]);
      }
      for (int k = 0; k < classes; k++) {
        gradient[t][k] = Math.exp(logProbs[t][k]) - Math.exp(gammaLog[k] - logP);
      }
    }
    return new Result(-logP, gradient);
  }

  /**
   * What makes a sample unscorable, or null: no frames, a label that is the blank or out of range,
   * or fewer frames than {@link #framesNeeded}.
   */
  static String problem(int frames, int classes, int[] labels, int blank) {
    if (blank < 0 || blank >= Math.max(classes, 1)) {
      return "blank " + blank + " is not one of the " + classes + " classes";
    }
    if (frames < 1) {
      return "no frames";
    }
    for (int i = 0; i < labels.length; i++) {
      if (labels[i] < 0 || labels[i] >= classes || labels[i] == blank) {
        return "label "
            + i
            + " is "
            + labels[i]
            + ", not a symbol class (0.."
            + (classes - 1)
            + " without the blank "
            + blank
            + ")";
      }
    }
    int needed = framesNeeded(labels);
    if (frames < needed) {
      return frames
          + " frames cannot hold its transcript of "
          + labels.length
          + " labels with "
          + (needed - labels.length)
          + " adjacent repeats (needs at least "
          + needed
          + " frames)";
    }
    return null;
  }

  private static double[][] forward(double[][] logProbs, int[] ext) {
    int frames = logProbs.length;
    int states = ext.length;
    double[][] alpha = filled(frames, states);
    alpha[0][0] = logProbs[0][ext[0]];
    if (states > 1) {
      alpha[0][1] = logProbs[0][ext[1]];
    }
    for (int t = 1; t < frames; t++) {
      for (int s = 0; s < states; s++) {
        double a = alpha[t - 1][s];
        if (s >= 1) {
          a = logSumExp(a, alpha[t - 1][s - 1]);
        }
        if (canSkip(ext, s)) {
          a = logSumExp(a, alpha[t - 1][s - 2]);
        }
        alpha[t][s] = a + logProbs[t][ext[s]];
      }
    }
    return alpha;
  }

  private static double[][] backward(double[][] logProbs, int[] ext) {
    int frames = logProbs.length;
    int states = ext.length;
    double[][] beta = filled(frames, states);
    beta[frames - 1][states - 1] = 0;
    if (states > 1) {
      beta[frames - 1][states - 2] = 0;
    }
    for (int t = frames - 2; t >= 0; t--) {
      for (int s = 0; s < states; s++) {
        double b = beta[t + 1][s] + logProbs[t + 1][ext[s]];
        if (s + 1 < states) {
          b = logSumExp(b, beta[t + 1][s + 1] + logProbs[t + 1][ext[s + 1]]);
        }
        if (s + 2 < states && canSkip(ext, s + 2)) {
          b = logSumExp(b, beta[t + 1][s + 2] + logProbs[t + 1][ext[s + 2]]);
        }
        beta[t][s] = b;
      }
    }
    return beta;
  }

  /** A path may jump from state s-2 to s over a blank unless s is a blank or repeats s-2. */
  private static boolean canSkip(int[] ext, int s) {
    return s >= 2 && ext[s] != ext[0] && ext[s] != ext[s - 2];
  }

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

  private static double[][] filled(int rows, int cols) {
    double[][] a = new double[rows][cols];
    for (double[] row : a) {
      java.util.Arrays.fill(row, Double.NEGATIVE_INFINITY);
    }
    return a;
  }

  static double logSumExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log1p(Math.exp(-Math.abs(a - b)));
  }
}
