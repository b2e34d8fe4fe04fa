package io.paretoprune.speech.metrics;

import java.util.Arrays;
import java.util.List;

/**
 * The word and character error rates of a split, fed utterance by utterance or batch by batch.
 *
 * <p>As DeepSpeech's evaluation computes them: words are the transcript split on whitespace; the
 * character rate is over the whole transcript as written, spaces included; each rate is the sum of
 * the edit distances over the sum of the reference lengths.
 */
public final class TranscriptErrorRates {
  private final ErrorRate words = new ErrorRate();
  private final ErrorRate characters = new ErrorRate();
  private long utterances;

  /** Adds one utterance. */
  public void add(String reference, String hypothesis) {
    List<String> referenceWords = words(reference);
    words.add(EditDistance.of(referenceWords, words(hypothesis)), referenceWords.size());
    characters.add(
        EditDistance.of(reference, hypothesis), reference.codePointCount(0, reference.length()));
    utterances++;
  }

  /** Adds a batch: references and hypotheses in the same order. */
  public void addAll(List<String> references, List<String> hypotheses) {
    if (references.size() != hypotheses.size()) {
      throw new IllegalArgumentException(
          references.size() + " references but " + hypotheses.size() + " hypotheses");
    }
    for (int i = 0; i < references.size(); i++) {
      add(references.get(i), hypotheses.get(i));
    }
  }

  /** Word error rate; NaN before any reference word. */
  public double wer() {
    return words.rate();
  }

  /** Character error rate; NaN before any reference character. */
  public double cer() {
    return characters.rate();
  }

  public ErrorRate words() {
    return words;
  }

  public ErrorRate characters() {
    return characters;
  }

  public long utterances() {
    return utterances;
  }

  static List<String> words(String text) {
    String trimmed = text.strip();
    return trimmed.isEmpty() ? List.of() : Arrays.asList(trimmed.split("\\s+"));
  }
}
