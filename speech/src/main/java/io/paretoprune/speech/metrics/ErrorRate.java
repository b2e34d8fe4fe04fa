package io.paretoprune.speech.metrics;

/**
 * An error rate accumulated over utterances: total edits over total reference length (not the mean
 * of per-utterance rates, which would weigh a one-word utterance like a long one).
 */
public final class ErrorRate {
  private long edits;
  private long referenceLength;

  /** Adds one utterance's edit distance and reference length. */
  public void add(long utteranceEdits, long utteranceReferenceLength) {
    if (utteranceEdits < 0 || utteranceReferenceLength < 0) {
      throw new IllegalArgumentException(
          "edits and reference length must be >= 0, got "
              + utteranceEdits
              + " and "
              + utteranceReferenceLength);
    }
    edits += utteranceEdits;
    referenceLength += utteranceReferenceLength;
  }

  /** Adds another accumulator's totals (e.g. a batch's). */
  public void add(ErrorRate other) {
    add(other.edits, other.referenceLength);
  }

  public long edits() {
    return edits;
  }

  public long referenceLength() {
    return referenceLength;
  }

  /**
   * Edits per reference unit; may exceed 1 when the hypotheses insert. NaN while the references
   * hold nothing, since no rate is defined then.
   */
  public double rate() {
    return referenceLength == 0 ? Double.NaN : (double) edits / referenceLength;
  }
}
