package io.paretoprune.speech.ctc;

/**
 * A sample the CTC loss cannot score: its frames cannot hold its transcript, its input length is
 * out of range, or a label is not a symbol. A data error, reported instead of an infinite loss.
 */
public final class CtcDataException extends IllegalArgumentException {
  private static final long serialVersionUID = 1L;

  private final int sample;

  public CtcDataException(int sample, String message) {
    super("sample " + sample + " of the batch: " + message);
    this.sample = sample;
  }

  /** The sample's index in its batch, for the caller to name its utterance. */
  public int sample() {
    return sample;
  }
}
