/**
 * Connectionist temporal classification: the CTC loss with its exact gradient ({@link
 * io.paretoprune.speech.ctc.CtcLoss}), greedy best-path decoding ({@link
 * io.paretoprune.speech.ctc.GreedyCtcDecoder}) and the alphabet that maps classes to characters.
 */
package io.paretoprune.speech.ctc;
