package io.paretoprune.speech.corpus;

import io.paretoprune.core.data.DatasetFormatException;
import java.nio.file.Path;

/**
 * A manifest or one of its utterances is unusable; the message is one line, "manifest: line N: wav:
 * reason" (or "manifest: reason" for the file as a whole).
 */
public final class SpeechDataException extends DatasetFormatException {
  private static final long serialVersionUID = 1L;

  public SpeechDataException(Path manifest, String reason) {
    super(manifest, reason);
  }

  public SpeechDataException(Path manifest, ManifestEntry entry, String reason) {
    super(manifest, "line " + entry.line() + ": " + entry.wav() + ": " + reason);
  }
}
