package io.paretoprune.speech.ctc;

/** How {@link CtcLoss} reduces the per-sample negative log-likelihoods of a batch. */
public enum CtcReduction {
  /**
   * Mean over the batch of {@code -log p(labels | x)}: DeepSpeech's {@code
   * tf.reduce_mean(ctc_loss)}. The default.
   */
  MEAN,
  /**
   * Mean over the batch of {@code -log p(labels | x) / max(1, label length)}: PyTorch's {@code
   * ctc_loss(reduction='mean')}.
   */
  MEAN_PER_LABEL,
  /** Sum over the batch: PyTorch's {@code reduction='sum'}. */
  SUM
}
