package io.paretoprune.speech.metrics;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import org.junit.jupiter.api.Test;

class TranscriptErrorRatesTest {

  @Test
  void ratesAreSummedEditsOverSummedReferenceLengths() {
    TranscriptErrorRates rates = new TranscriptErrorRates();
    // one substituted word of three; 'one' -> 'on': one deleted character of 14.
    rates.add("four one seven", "four on seven");
    // a perfect one-word utterance: 0 of 1 words, 0 of 3 characters.
    rates.add("two", "two");
    assertEquals(1.0 / 4, rates.wer(), 1e-15);
    assertEquals(1.0 / 17, rates.cer(), 1e-15);
    assertEquals(2, rates.utterances());
    // Not the mean of per-utterance rates (1/3 and 0 would give 1/6).
    assertTrue(Math.abs(rates.wer() - 1.0 / 6) > 0.05);
  }

  @Test
  void batchesAddUpToTheSameAsUtterances() {
    TranscriptErrorRates batched = new TranscriptErrorRates();
    batched.addAll(List.of("one two", "three"), List.of("one", "tree"));
    batched.addAll(List.of("nine nine"), List.of("nine nine nine"));
    TranscriptErrorRates single = new TranscriptErrorRates();
    single.add("one two", "one");
    single.add("three", "tree");
    single.add("nine nine", "nine nine nine");
    assertEquals(single.wer(), batched.wer());
    assertEquals(single.cer(), batched.cer());
    // words: 1 + 1 + 1 edits over 2 + 1 + 2 words; characters: 4 + 1 + 5 over 7 + 5 + 9.
    assertEquals(3.0 / 5, batched.wer(), 1e-15);
    assertEquals(10.0 / 21, batched.cer(), 1e-15);
  }

  @Test
  void insertionsCanPushTheRateAboveOne() {
    TranscriptErrorRates rates = new TranscriptErrorRates();
    rates.add("one", "one one one");
    assertEquals(2.0, rates.wer(), 1e-15);
  }

  @Test
  void wordsAreSplitOnAnyWhitespaceRun() {
    assertEquals(List.of("four", "one"), TranscriptErrorRates.words("  four \t one "));
    assertEquals(List.of(), TranscriptErrorRates.words("   "));
    TranscriptErrorRates rates = new TranscriptErrorRates();
    rates.add("four one", "four  one");
    assertEquals(0.0, rates.wer());
    assertEquals(1.0 / 8, rates.cer(), 1e-15);
  }

  @Test
  void noReferenceYetIsNaNAndMismatchedBatchesAreRefused() {
    TranscriptErrorRates rates = new TranscriptErrorRates();
    assertTrue(Double.isNaN(rates.wer()));
    assertTrue(Double.isNaN(rates.cer()));
    assertThrows(
        IllegalArgumentException.class, () -> rates.addAll(List.of("a"), List.of("a", "b")));
    ErrorRate e = new ErrorRate();
    assertThrows(IllegalArgumentException.class, () -> e.add(-1, 3));
    ErrorRate other = new ErrorRate();
    other.add(2, 5);
    e.add(other);
    assertEquals(0.4, e.rate(), 1e-15);
  }
}
