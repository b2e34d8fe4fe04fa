package io.paretoprune.speech.corpus;

import java.nio.file.Path;

/**
 * One row of a manifest: its line in the file (the header is line 1), the WAV as resolved (relative
 * names against the manifest's folder, as DeepSpeech), the size column and the transcript.
 */
public record ManifestEntry(int line, Path wav, long fileSize, String transcript) {}
