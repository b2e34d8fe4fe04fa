package io.paretoprune.speech.ctc;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The CTC loss of a batch as a scalar that DJL's autograd differentiates exactly.
 *
 * <p>DJL has no CTC operator, so the value and the gradient with respect to the logits are computed
 * on the host in double ({@link CtcForwardBackward}); the returned scalar is {@code value + (s -
 * stopGradient(s))} with {@code s = sum(logits * G)} and {@code G} that gradient: its value is
 * {@code value} and its derivative with respect to the logits is {@code G}, whatever the network
 * before them. Frames at or after a sample's input length get no gradient, so padded batches are
 * scored as if each sample were alone.
 */
public final class CtcLoss {
  private final int blank;
  private final CtcReduction reduction;

  /**
   * @param blank the blank's class (DeepSpeech: the last, {@link Alphabet#blank()})
   * @param reduction how the per-sample losses are combined
   */
  public CtcLoss(int blank, CtcReduction reduction) {
    if (blank < 0) {
      throw new IllegalArgumentException("blank must be a class index, got " + blank);
    }
    this.blank = blank;
    this.reduction = reduction;
  }

  /** DeepSpeech's loss: blank last, mean of the per-sample negative log-likelihoods. */
  public static CtcLoss deepSpeech(Alphabet alphabet) {
    return new CtcLoss(alphabet.blank(), CtcReduction.MEAN);
  }

  public int blank() {
    return blank;
  }

  public CtcReduction reduction() {
    return reduction;
  }

  /**
   * The per-sample losses and the gradient of the reduced loss, computed on the host.
   *
   * @param negLogLikelihoods {@code -log p(labels_b | x_b)} for each sample
   * @param value the reduced loss
   * @param gradient d value / d logits, {@code [batch * frames * classes]} row-major
   */
  public record Batch(double[] negLogLikelihoods, double value, float[] gradient) {}

  /**
   * The reduced loss as a scalar on the logits' manager, differentiable with respect to them.
   *
   * @param logits unnormalised scores {@code [batch, frames, classes]}
   * @param inputLengths frames of each sample, in {@code [1, frames]}
   * @param labels each sample's transcript as symbol classes
   * @throws CtcDataException naming the first sample that cannot be scored
   */
  public NDArray evaluate(NDArray logits, int[] inputLengths, int[][] labels) {
    Batch batch = compute(logits, inputLengths, labels);
    NDArray g = logits.getManager().create(batch.gradient(), logits.getShape());
    NDArray linear = logits.toType(DataType.FLOAT32, false).mul(g).sum();
    NDArray zeroWithGradient = linear.sub(linear.stopGradient());
    return zeroWithGradient.add((float) batch.value());
  }

  /**
   * {@link #evaluate(NDArray, int[], int[][])} for a batch as a data pipeline pads it.
   *
   * @param inputLengths frames of each sample, {@code [batch]}
   * @param labels transcripts {@code [batch, maxLength]}, padded after {@code labelLengths}
   * @param labelLengths {@code [batch]}
   */
  public NDArray evaluate(
      NDArray logits, NDArray inputLengths, NDArray labels, NDArray labelLengths) {
    return evaluate(
        logits, PaddedLabels.lengths(inputLengths), PaddedLabels.unpad(labels, labelLengths));
  }

  /** The losses and gradient of {@link #evaluate}, without touching autograd. */
  public Batch compute(NDArray logits, int[] inputLengths, int[][] labels) {
    Shape shape = logits.getShape();
    if (shape.dimension() != 3) {
      throw new IllegalArgumentException(
          "CTC logits must be [batch, frames, classes], got " + shape);
    }
    int batchSize = Math.toIntExact(shape.get(0));
    int frames = Math.toIntExact(shape.get(1));
    int classes = Math.toIntExact(shape.get(2));
    if (inputLengths.length != batchSize || labels.length != batchSize) {
      throw new IllegalArgumentException(
          "batch of "
              + batchSize
              + " logits has "
              + inputLengths.length
              + " input lengths and "
              + labels.length
              + " transcripts");
    }
    // Check every sample before any arithmetic, so a bad one is named and nothing is half done.
    for (int b = 0; b < batchSize; b++) {
      if (inputLengths[b] > frames) {
        throw new CtcDataException(
            b, "input length " + inputLengths[b] + " exceeds the batch's " + frames + " frames");
      }
      String problem = CtcForwardBackward.problem(inputLengths[b], classes, labels[b], blank);
      if (problem != null) {
        throw new CtcDataException(b, problem);
      }
    }
    float[] host = logits.toType(DataType.FLOAT32, false).toFloatArray();
    float[] gradient = new float[host.length];
    double[] nll = new double[batchSize];
    double value = 0;
    // One workspace for the batch, sized to its longest sample: the samples reuse its arrays.
    CtcForwardBackward.Workspace w = new CtcForwardBackward.Workspace();
    for (int b = 0; b < batchSize; b++) {
      w.fit(inputLengths[b], classes, labels[b].length);
    }
    for (int b = 0; b < batchSize; b++) {
      int base = b * frames * classes;
      int cells = inputLengths[b] * classes;
      for (int cell = 0; cell < cells; cell += classes) {
        CtcForwardBackward.softmax(host, base + cell, w, cell, classes);
      }
      nll[b] = CtcForwardBackward.score(w, inputLengths[b], classes, labels[b], blank);
      double weight = weight(batchSize, labels[b].length);
      value += weight * nll[b];
      for (int cell = 0; cell < cells; cell++) {
        gradient[base + cell] = (float) (weight * w.gradient(cell));
      }
    }
    return new Batch(nll, value, gradient);
  }

  private double weight(int batchSize, int labelLength) {
    return switch (reduction) {
      case MEAN -> 1.0 / batchSize;
      case MEAN_PER_LABEL -> 1.0 / batchSize / Math.max(1, labelLength);
      case SUM -> 1.0;
    };
  }
}
