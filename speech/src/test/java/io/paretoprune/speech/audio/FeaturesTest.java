package io.paretoprune.speech.audio;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import org.junit.jupiter.api.Test;

/** Frame arithmetic, context windows and normalisation on hand-made cases. */
class FeaturesTest {
  @Test
  void deepSpeechSettingsAre512SampleWindowsEvery320() {
    FeatureSettings s = FeatureSettings.DEEPSPEECH;
    assertEquals(512, s.windowSamples());
    assertEquals(320, s.stepSamples());
    assertEquals(494, s.inputWidth());
    assertEquals(0, s.frames(511));
    assertEquals(1, s.frames(512));
    assertEquals(1, s.frames(831));
    assertEquals(2, s.frames(832));
    assertEquals(49, s.frames(16000)); // 1 + (16000 - 512) / 320
  }

  @Test
  void mfccHasOneRowPerWholeWindow() {
    Mfcc mfcc = new Mfcc(FeatureSettings.DEEPSPEECH);
    assertEquals(0, mfcc.compute(new float[511]).length);
    float[][] f = mfcc.compute(WavFiles.tone(1.0, 440));
    assertEquals(49, f.length);
    assertEquals(26, f[0].length);
  }

  @Test
  void contextWindowsAreTimeMajorWithZerosBeyondTheEdges() {
    float[][] frames = {{1, 2}, {3, 4}, {5, 6}};
    float[][] w = ContextWindows.expand(frames, 1);
    assertArrayEquals(new float[] {0, 0, 1, 2, 3, 4}, w[0]);
    assertArrayEquals(new float[] {1, 2, 3, 4, 5, 6}, w[1]);
    assertArrayEquals(new float[] {3, 4, 5, 6, 0, 0}, w[2]);
    assertArrayEquals(new float[] {1, 2}, ContextWindows.expand(frames, 0)[0]);
  }

  @Test
  void perUtteranceNormalisationGivesEachCoefficientMeanZeroDeviationOne() {
    FeatureSettings s =
        FeatureSettings.DEEPSPEECH.withNormalization(FeatureNormalization.PER_UTTERANCE);
    float[] audio = WavFiles.tone(0.8, 300);
    for (int i = 0; i < audio.length; i++) {
      audio[i] *= (float) i / audio.length; // a rising level, so the coefficients vary
    }
    float[][] f = new Mfcc(s).compute(audio);
    for (int k = 0; k < 26; k++) {
      double mean = 0;
      double sq = 0;
      for (float[] row : f) {
        mean += row[k];
        sq += row[k] * row[k];
      }
      mean /= f.length;
      assertEquals(0, mean, 1e-4, "coefficient " + k);
      double var = sq / f.length - mean * mean;
      assertEquals(1, var, 1e-3, "coefficient " + k);
    }
  }

  @Test
  void impossibleSettingsAreRefused() {
    AudioSpec a = AudioSpec.DEEPSPEECH;
    FeatureNormalization n = FeatureNormalization.NONE;
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureSettings(a, 32, 20, 41, 40, 20, 8000, 9, n));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureSettings(a, 32, 20, 26, 40, 20, 9000, 9, n));
    assertThrows(
        IllegalArgumentException.class,
        () -> new FeatureSettings(a, 32, 20, 26, 40, 20, 8000, -1, n));
    assertThrows(IllegalArgumentException.class, () -> new AudioSpec(16000, 24, 1));
    assertThrows(IllegalArgumentException.class, () -> new AudioSpec(16000, 16, 2));
  }
}
