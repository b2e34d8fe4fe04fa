package io.paretoprune.speech.ctc;

import java.util.Arrays;

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
    Workspace w = new Workspace();
    w.fit(frames, classes, labels.length);
    for (int t = 0; t < frames; t++) {
      softmax(logits[t], 0, w, t * classes, classes);
    }
    double nll = score(w, frames, classes, labels, blank);
    double[][] gradient = new double[frames][classes];
    for (int t = 0; t < frames; t++) {
      for (int k = 0; k < classes; k++) {
        gradient[t][k] = w.gradient(t * classes + k);
      }
    }
    return new Result(nll, gradient);
  }

  /**
   * Scratch arrays for the samples of a batch, grown to the largest and reused, so that scoring a
   * batch allocates them once instead of per sample.
   */
  static final class Workspace {
    double[] logProbs = new double[0];
    double[] probs = new double[0];
    double[] posteriors = new double[0];
    double[] alpha = new double[0];
    double[] beta = new double[0];
    double[] emitted = new double[0];
    int[] ext = new int[0];

    /** Room for a sample of this many frames, classes and labels. */
    void fit(int frames, int classes, int labels) {
      int cells = frames * classes;
      if (logProbs.length < cells) {
        logProbs = new double[cells];
        probs = new double[cells];
        posteriors = new double[cells];
      }
      int states = 2 * labels + 1;
      if (alpha.length < frames * states) {
        alpha = new double[frames * states];
      }
      if (ext.length < states) {
        ext = new int[states];
        beta = new double[2 * states];
        emitted = new double[states];
      }
    }

    /** {@code d(-log p)/d logit} of cell {@code t * classes + k} after {@link #score}. */
    double gradient(int cell) {
      return probs[cell] - posteriors[cell];
    }
  }

  /**
   * The softmax and log-softmax of {@code src[from ..< from + classes]} into the workspace's cells
   * {@code offset ..< offset + classes} ({@code src} may be {@code w.logProbs} at {@code offset}).
   */
  static void softmax(double[] src, int from, Workspace w, int offset, int classes) {
    double max = Double.NEGATIVE_INFINITY;
    for (int k = 0; k < classes; k++) {
      max = Math.max(max, src[from + k]);
    }
    double sum = 0;
    for (int k = 0; k < classes; k++) {
      double e = Math.exp(src[from + k] - max);
      w.probs[offset + k] = e;
      sum += e;
    }
    double log = max + Math.log(sum);
    for (int k = 0; k < classes; k++) {
      w.logProbs[offset + k] = src[from + k] - log;
      w.probs[offset + k] /= sum;
    }
  }

  /**
   * {@link #softmax(double[], int, Workspace, int, int)} of a float row (the logits' host copy).
   */
  static void softmax(float[] src, int from, Workspace w, int offset, int classes) {
    for (int k = 0; k < classes; k++) {
      w.logProbs[offset + k] = src[from + k];
    }
    softmax(w.logProbs, offset, w, offset, classes);
  }

  /**
   * {@code -log p(labels)} of the sample whose softmax is in the workspace (checked by {@link
   * #problem}), leaving each cell's posterior {@code gamma[t][k]} in {@code w.posteriors}.
   *
   * <p>Alpha is kept for every frame; beta only for the current and the next frame, since the
   * posteriors of frame {@code t} are taken as soon as its beta is known. Posteriors are summed
   * over a class's states as probabilities (each term is at most 1, so nothing overflows) rather
   * than in log space, and the log-sums over two or three predecessors take one logarithm: the
   * recursions' cost is their exponentials and logarithms.
   */
  static double score(Workspace w, int frames, int classes, int[] labels, int blank) {
    int states = 2 * labels.length + 1;
    int[] ext = w.ext;
    for (int s = 0; s < states; s++) {
      ext[s] = s % 2 == 0 ? blank : labels[s / 2];
    }
    double[] lp = w.logProbs;
    double[] alpha = w.alpha;
    Arrays.fill(alpha, 0, frames * states, Double.NEGATIVE_INFINITY);
    alpha[0] = lp[ext[0]];
    if (states > 1) {
      alpha[1] = lp[ext[1]];
    }
    for (int t = 1; t < frames; t++) {
      int row = t * states;
      int prev = row - states;
      int emit = t * classes;
      for (int s = 0; s < states; s++) {
        double a;
        if (s == 0) {
          a = alpha[prev];
        } else if (canSkip(ext, s)) {
          a = logSumExp(alpha[prev + s], alpha[prev + s - 1], alpha[prev + s - 2]);
        } else {
          a = logSumExp(alpha[prev + s], alpha[prev + s - 1]);
        }
        alpha[row + s] = a + lp[emit + ext[s]];
      }
    }
    int lastRow = (frames - 1) * states;
    double logP =
        states == 1
            ? alpha[lastRow]
            : logSumExp(alpha[lastRow + states - 1], alpha[lastRow + states - 2]);

    double[] beta = w.beta;
    double[] emitted = w.emitted;
    double[] post = w.posteriors;
    Arrays.fill(post, 0, frames * classes, 0);
    int cur = 0;
    Arrays.fill(beta, 0, states, Double.NEGATIVE_INFINITY);
    beta[states - 1] = 0;
    if (states > 1) {
      beta[states - 2] = 0;
    }
    for (int t = frames - 1; ; t--) {
      int row = t * states;
      int emit = t * classes;
      for (int s = 0; s < states; s++) {
        double g = alpha[row + s] + beta[cur + s];
        if (g != Double.NEGATIVE_INFINITY) {
          post[emit + ext[s]] += Math.exp(g - logP);
        }
      }
      if (t == 0) {
        break;
      }
      // beta[t - 1][s] from beta[t]: the suffix after frame t - 1 starts by emitting frame t.
      for (int s = 0; s < states; s++) {
        emitted[s] = beta[cur + s] + lp[emit + ext[s]];
      }
      int next = states - cur;
      for (int s = 0; s < states; s++) {
        double b;
        if (s + 2 < states && canSkip(ext, s + 2)) {
          b = logSumExp(emitted[s], emitted[s + 1], emitted[s + 2]);
        } else if (s + 1 < states) {
          b = logSumExp(emitted[s], emitted[s + 1]);
        } else {
          b = emitted[s];
        }
        beta[next + s] = b;
      }
      cur = next;
    }
    return -logP;
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

  /** A path may jump from state s-2 to s over a blank unless s is a blank or repeats s-2. */
  private static boolean canSkip(int[] ext, int s) {
    return s >= 2 && ext[s] != ext[0] && ext[s] != ext[s - 2];
  }

  /**
   * {@code log(exp(a) + exp(b))}. {@code log(1 + x)} rather than {@code log1p(x)}: they differ by
   * less than an ulp of 1, below the ulp of the larger term whenever it is at least 1 in magnitude,
   * and the JDK's {@code log1p} is not an intrinsic.
   */
  static double logSumExp(double a, double b) {
    if (a == Double.NEGATIVE_INFINITY) {
      return b;
    }
    if (b == Double.NEGATIVE_INFINITY) {
      return a;
    }
    double max = Math.max(a, b);
    return max + Math.log(1 + Math.exp(-Math.abs(a - b)));
  }

  /** {@code log(exp(a) + exp(b) + exp(c))} with one logarithm. */
  static double logSumExp(double a, double b, double c) {
    double max = Math.max(a, Math.max(b, c));
    if (max == Double.NEGATIVE_INFINITY) {
      return max;
    }
    return max + Math.log(Math.exp(a - max) + Math.exp(b - max) + Math.exp(c - max));
  }
}
