package io.paretoprune.speech.corpus;

import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.speech.audio.FeatureSettings;
import io.paretoprune.speech.audio.Mfcc;
import io.paretoprune.speech.audio.PcmAudio;
import io.paretoprune.speech.audio.WavReader;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.CtcForwardBackward;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/**
 * A DeepSpeech-style corpus split: a manifest and its WAV files. {@link #check} validates every
 * utterance without computing features (run it on every split before training starts); {@link
 * #load} does the same checks and returns the features. Both stop at the first bad utterance with a
 * {@link SpeechDataException} of one line naming the manifest, its line and the WAV.
 *
 * <p>What is refused: a manifest that is missing, empty or lacks a column; an empty transcript or
 * one with characters outside DeepSpeech's English {@link Alphabet}; a WAV that is missing or
 * corrupt (unreadable header, truncated data), not signed PCM, or of another sample rate, bit depth
 * or channel count than the settings' {@code audio}; empty audio; audio with fewer feature frames
 * than its transcript needs under CTC (labels plus equal neighbours).
 */
public final class SpeechCorpus {
  private static final Alphabet ALPHABET = Alphabet.deepSpeechEnglish();

  private SpeechCorpus() {}

  /** Checks every utterance of the manifest (headers and data of every WAV are read). */
  public static CorpusSummary check(Path manifest, FeatureSettings settings) {
    List<ManifestEntry> entries = ManifestReader.read(manifest);
    double seconds = 0;
    int maxFrames = 0;
    int maxLabels = 0;
    for (ManifestEntry e : entries) {
      int[] labels = labels(manifest, e);
      PcmAudio audio = audio(manifest, e, settings);
      int frames = frames(manifest, e, settings, audio, labels);
      seconds += audio.seconds();
      maxFrames = Math.max(maxFrames, frames);
      maxLabels = Math.max(maxLabels, labels.length);
    }
    return new CorpusSummary(manifest, entries.size(), seconds, maxFrames, maxLabels);
  }

  /** Every utterance of the manifest with its features, in manifest order. */
  public static List<Utterance> load(Path manifest, FeatureSettings settings) {
    List<ManifestEntry> entries = ManifestReader.read(manifest);
    Mfcc mfcc = new Mfcc(settings);
    List<Utterance> out = new ArrayList<>(entries.size());
    for (ManifestEntry e : entries) {
      int[] labels = labels(manifest, e);
      PcmAudio audio = audio(manifest, e, settings);
      frames(manifest, e, settings, audio, labels);
      out.add(new Utterance(mfcc.compute(audio.samples()), labels, e.transcript(), e.wav()));
    }
    return out;
  }

  private static int[] labels(Path manifest, ManifestEntry e) {
    if (e.transcript().isEmpty()) {
      throw new SpeechDataException(manifest, e, "empty transcript");
    }
    try {
      return ALPHABET.encode(e.transcript());
    } catch (IllegalArgumentException x) {
      throw new SpeechDataException(
          manifest, e, "transcript '" + e.transcript() + "': " + x.getMessage());
    }
  }

  private static PcmAudio audio(Path manifest, ManifestEntry e, FeatureSettings settings) {
    PcmAudio audio;
    try {
      audio = WavReader.read(e.wav(), settings.audio());
    } catch (DatasetFormatException x) {
      // WavReader's message starts with the path; the manifest line puts it in front already.
      String m = x.getMessage();
      String prefix = e.wav() + ": ";
      throw new SpeechDataException(
          manifest, e, m.startsWith(prefix) ? m.substring(prefix.length()) : m);
    }
    if (audio.samples().length == 0) {
      throw new SpeechDataException(manifest, e, "empty audio (no samples)");
    }
    return audio;
  }

  private static int frames(
      Path manifest, ManifestEntry e, FeatureSettings settings, PcmAudio audio, int[] labels) {
    int frames = settings.frames(audio.samples().length);
    int needed = CtcForwardBackward.framesNeeded(labels);
    if (frames < needed) {
      throw new SpeechDataException(
          manifest,
          e,
          String.format(
              "audio too short for its transcript: %.3f s gives %d feature frames, '%s' needs %d"
                  + " (labels plus repeated neighbours)",
              audio.seconds(), frames, e.transcript(), needed));
    }
    return frames;
  }
}
