/**
 * DeepSpeech-style corpora: manifest CSVs ({@code wav_filename,wav_filesize,transcript}), the
 * alphabet, the checks of every utterance before a run, and splits as padded NDArrays.
 */
package io.paretoprune.speech.corpus;
