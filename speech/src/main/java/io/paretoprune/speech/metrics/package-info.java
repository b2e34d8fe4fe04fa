/**
 * Word and character error rates by Levenshtein distance, accumulated over a split as DeepSpeech
 * reports them: the sum of the edits over the sum of the reference lengths.
 */
package io.paretoprune.speech.metrics;
