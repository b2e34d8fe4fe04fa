package io.paretoprune.speech.corpus;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.paretoprune.speech.audio.FeatureSettings;
import io.paretoprune.speech.audio.WavFiles;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.CtcForwardBackward;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import javax.sound.sampled.AudioFormat;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Loading a manifest, and one test per kind of bad data, each refused with one line. */
class SpeechCorpusTest {
  private static final FeatureSettings DS = FeatureSettings.DEEPSPEECH;
  private static final Alphabet ABC = Alphabet.deepSpeechEnglish();
  @TempDir Path tmp;

  private Path manifest(String... rows) throws IOException {
    Path m = tmp.resolve("train.csv");
    Files.writeString(m, "wav_filename,wav_filesize,transcript\n" + String.join("\n", rows) + "\n");
    return m;
  }

  private String row(Path wav, String transcript) throws IOException {
    return tmp.relativize(wav) + "," + Files.size(wav) + "," + transcript;
  }

  private Path tone(String name, double seconds) throws IOException {
    Files.createDirectories(tmp.resolve("wav"));
    return WavFiles.write(tmp.resolve("wav").resolve(name), WavFiles.tone(seconds, 440), 16000);
  }

  /** The error of check() and of load(): one line naming the manifest and the line. */
  private String refused(Path manifest, int line) {
    String m =
        assertThrows(SpeechDataException.class, () -> SpeechCorpus.check(manifest, DS))
            .getMessage();
    String l =
        assertThrows(SpeechDataException.class, () -> SpeechCorpus.load(manifest, DS)).getMessage();
    assertEquals(m, l);
    assertFalse(m.contains("\n"), m);
    assertTrue(m.startsWith(manifest + ": "), m);
    if (line > 0) {
      assertTrue(m.contains("line " + line + ": "), m);
    }
    return m;
  }

  @Test
  void loadsFeaturesAndLabelsWithRelativeAndAbsolutePaths() throws Exception {
    Path a = tone("a.wav", 1.0);
    Path b = tone("b.wav", 0.5);
    Path m = manifest(row(a, "four one seven"), b.toAbsolutePath() + "," + Files.size(b) + ",it's");
    List<Utterance> u = SpeechCorpus.load(m, DS);
    assertEquals(2, u.size());
    assertEquals(49, u.get(0).frames());
    assertEquals(26, u.get(0).mfcc()[0].length);
    assertEquals("four one seven", u.get(0).transcript());
    assertEquals("four one seven", ABC.decode(u.get(0).labels()));
    assertArrayEquals(new int[] {9, 20, 27, 19}, u.get(1).labels());
    assertEquals(a.toAbsolutePath(), u.get(0).wav().toAbsolutePath());
    assertEquals(494, u.get(0).inputs(9)[0].length);
    CorpusSummary s = SpeechCorpus.check(m, DS);
    assertEquals(2, s.utterances());
    assertEquals(1.5, s.seconds(), 1e-9);
    assertEquals(49, s.maxFrames());
    assertEquals(14, s.maxLabels());
  }

  @Test
  void extraColumnsAndAnyColumnOrderAreFine() throws Exception {
    Path a = tone("a.wav", 1.0);
    Path m = tmp.resolve("m.csv");
    Files.writeString(m, "transcript,speaker,wav_filename,wav_filesize\n\"nine\",x,wav/a.wav,5\n");
    assertEquals("nine", SpeechCorpus.load(m, DS).get(0).transcript());
  }

  @Test
  void missingWav() throws Exception {
    Path m = manifest(row(tone("a.wav", 1), "one"), "wav/gone.wav,100,two");
    String e = refused(m, 3);
    assertTrue(e.contains("gone.wav") && e.contains("missing WAV"), e);
  }

  @Test
  void corruptWav() throws Exception {
    Files.createDirectories(tmp.resolve("wav"));
    Path bad = Files.write(tmp.resolve("wav/bad.wav"), "RIFF....not a wave at all".getBytes());
    String e = refused(manifest(row(bad, "one")), 2);
    assertTrue(e.contains("bad.wav") && e.contains("corrupt"), e);
  }

  @Test
  void truncatedWav() throws Exception {
    Path a = tone("a.wav", 1.0);
    byte[] all = Files.readAllBytes(a);
    Files.write(a, Arrays.copyOf(all, all.length - 1000));
    String e = refused(manifest(row(a, "one")), 2);
    assertTrue(e.contains("a.wav") && e.contains("truncated"), e);
  }

  @Test
  void otherSampleRate() throws Exception {
    Files.createDirectories(tmp.resolve("wav"));
    Path w = WavFiles.write(tmp.resolve("wav/w8k.wav"), WavFiles.tone(1, 440), 8000);
    String e = refused(manifest(row(w, "one")), 2);
    assertTrue(e.contains("w8k.wav") && e.contains("sample rate 8000 Hz"), e);
  }

  @Test
  void otherBitDepth() throws Exception {
    Files.createDirectories(tmp.resolve("wav"));
    Path w =
        WavFiles.writeRaw(
            tmp.resolve("wav/w24.wav"),
            new byte[3 * 16000],
            new AudioFormat(16000, 24, 1, true, false));
    String e = refused(manifest(row(w, "one")), 2);
    assertTrue(e.contains("w24.wav") && e.contains("24-bit"), e);
  }

  @Test
  void otherChannelCount() throws Exception {
    Files.createDirectories(tmp.resolve("wav"));
    Path w =
        WavFiles.writeRaw(
            tmp.resolve("wav/st.wav"),
            new byte[4 * 16000],
            new AudioFormat(16000, 16, 2, true, false));
    String e = refused(manifest(row(w, "one")), 2);
    assertTrue(e.contains("st.wav") && e.contains("2 channels"), e);
  }

  @Test
  void emptyAudio() throws Exception {
    Files.createDirectories(tmp.resolve("wav"));
    Path w = WavFiles.write(tmp.resolve("wav/empty.wav"), new float[0], 16000);
    String e = refused(manifest(row(w, "one")), 2);
    assertTrue(e.contains("empty.wav") && e.contains("empty audio"), e);
  }

  @Test
  void transcriptOutsideTheAlphabet() throws Exception {
    Path a = tone("a.wav", 1);
    String e = refused(manifest(row(a, "one"), row(a, "Four")), 3);
    assertTrue(e.contains("'F' at position 1") && e.contains("alphabet"), e);
    e = refused(manifest(row(a, "seven 7")), 2);
    assertTrue(e.contains("'7' at position 7"), e);
  }

  @Test
  void emptyTranscript() throws Exception {
    String e = refused(manifest(row(tone("a.wav", 1), "")), 2);
    assertTrue(e.contains("empty transcript"), e);
  }

  @Test
  void audioTooShortForItsTranscript() throws Exception {
    // 0.1 s: 1 + (1600 - 512) / 320 = 4 frames. "abba" needs 4 + 1 (the repeated b) = 5.
    Path a = tone("short.wav", 0.1);
    String e = refused(manifest(row(a, "abba")), 2);
    assertTrue(e.contains("short.wav") && e.contains("too short") && e.contains("needs 5"), e);
    assertEquals(1, SpeechCorpus.check(manifest(row(a, "abca")), DS).utterances());
  }

  @Test
  void manifestWithAMissingColumn() throws Exception {
    Path m = tmp.resolve("m.csv");
    Files.writeString(m, "wav_filename,wav_filesize\nwav/a.wav,5\n");
    String e = refused(m, 1);
    assertTrue(e.contains("missing column 'transcript'"), e);
  }

  @Test
  void rowWithTooFewFieldsOrABadSize() throws Exception {
    Path a = tone("a.wav", 1);
    String e = refused(manifest(row(a, "one"), "wav/a.wav,123"), 3);
    assertTrue(e.contains("2 fields"), e);
    e = refused(manifest("wav/a.wav,big,one"), 2);
    assertTrue(e.contains("wav_filesize 'big'"), e);
  }

  @Test
  void missingOrEmptyManifest() throws Exception {
    String e = refused(tmp.resolve("nope.csv"), 0);
    assertTrue(e.contains("manifest not found"), e);
    Path empty = Files.writeString(tmp.resolve("empty.csv"), "");
    assertTrue(refused(empty, 0).contains("empty manifest"));
    Path header = Files.writeString(tmp.resolve("h.csv"), "wav_filename,wav_filesize,transcript\n");
    assertTrue(refused(header, 0).contains("no utterances"));
  }

  @Test
  void minimumFramesCountsRepeatedNeighbours() {
    assertEquals(3, CtcForwardBackward.framesNeeded(ABC.encode("abc")));
    assertEquals(6, CtcForwardBackward.framesNeeded(ABC.encode("aabb")));
    assertEquals(7, CtcForwardBackward.framesNeeded(ABC.encode("aaaa")));
    assertEquals(28, ABC.size());
    assertArrayEquals(new int[] {0, 27}, ABC.encode(" '"));
  }
}
