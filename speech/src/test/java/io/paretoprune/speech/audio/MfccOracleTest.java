package io.paretoprune.speech.audio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.io.InputStream;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Random;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The features against {@code speech/scripts/mfcc-oracle.py}, an independent numpy/scipy
 * computation of DeepSpeech's features: its output on fixed signals is checked in, and the script
 * runs live on a fresh signal when {@code /usr/bin/python3} has numpy and scipy.
 */
class MfccOracleTest {
  private static final Path ORACLE = Path.of("scripts", "mfcc-oracle.py");
  @TempDir Path tmp;

  @ParameterizedTest
  @ValueSource(strings = {"tones", "chirp", "noise", "gap"})
  void mfccMatchesTheCheckedInOracle(String signal) throws Exception {
    PcmAudio audio = WavReader.read(resource(signal + ".wav"), AudioSpec.DEEPSPEECH);
    float[][] got = new Mfcc(FeatureSettings.DEEPSPEECH).compute(audio.samples());
    assertClose(readMatrix(resource(signal + ".mfcc.txt")), got, signal);
  }

  @Test
  void contextWindowsMatchTheOracle() throws Exception {
    PcmAudio audio = WavReader.read(resource("tones.wav"), AudioSpec.DEEPSPEECH);
    float[][] mfcc = new Mfcc(FeatureSettings.DEEPSPEECH).compute(audio.samples());
    float[][] inputs = ContextWindows.expand(mfcc, 9);
    assertEquals(494, inputs[0].length);
    assertEquals(FeatureSettings.DEEPSPEECH.inputWidth(), inputs[0].length);
    assertClose(readMatrix(resource("tones.inputs.txt")), inputs, "tones inputs");
  }

  @Test
  void liveOracleAgreesOnAFreshSignal() throws Exception {
    assumeTrue(oracleAvailable(), "/usr/bin/python3 with numpy and scipy is not installed");
    Random r = new Random(5);
    float[] s = new float[12_345];
    for (int i = 0; i < s.length; i++) {
      s[i] =
          (float)
              (0.25 * Math.sin(2 * Math.PI * (300 + 5 * (i / 800)) * i / 16000.0)
                  + 0.05 * r.nextGaussian());
    }
    Path wav = WavFiles.write(tmp.resolve("fresh.wav"), s, 16000);
    Path out = tmp.resolve("fresh.txt");
    Process p =
        new ProcessBuilder(
                "/usr/bin/python3", ORACLE.toString(), "--features", wav.toString(), out.toString())
            .redirectErrorStream(true)
            .start();
    String log = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(120, TimeUnit.SECONDS));
    assertEquals(0, p.exitValue(), log);
    float[][] got =
        new Mfcc(FeatureSettings.DEEPSPEECH)
            .compute(WavReader.read(wav, AudioSpec.DEEPSPEECH).samples());
    assertEquals(FeatureSettings.DEEPSPEECH.frames(s.length), got.length);
    assertClose(readMatrix(out), got, "fresh");
  }

  private static boolean oracleAvailable() {
    try {
      Process p =
          new ProcessBuilder("/usr/bin/python3", "-c", "import numpy, scipy")
              .redirectErrorStream(true)
              .start();
      p.getInputStream().readAllBytes();
      return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
    } catch (IOException | InterruptedException e) {
      return false;
    }
  }

  /** Within float rounding: 1e-4 absolute plus 1e-5 of the value (values reach -250). */
  static void assertClose(double[][] want, float[][] got, String what) {
    assertEquals(want.length, got.length, what + ": frames");
    for (int t = 0; t < want.length; t++) {
      assertEquals(want[t].length, got[t].length, what + ": width");
      for (int k = 0; k < want[t].length; k++) {
        double tol = 1e-4 + 1e-5 * Math.abs(want[t][k]);
        assertEquals(want[t][k], got[t][k], tol, what + " frame " + t + " value " + k);
      }
    }
  }

  static double[][] readMatrix(Path file) throws IOException {
    List<String> lines = Files.readAllLines(file).stream().filter(l -> !l.isBlank()).toList();
    double[][] m = new double[lines.size()][];
    for (int i = 0; i < m.length; i++) {
      String[] f = lines.get(i).trim().split("\\s+");
      m[i] = new double[f.length];
      for (int j = 0; j < f.length; j++) {
        m[i][j] = Double.parseDouble(f[j]);
      }
    }
    return m;
  }

  static Path resource(String name) throws URISyntaxException, IOException {
    try (InputStream in = MfccOracleTest.class.getResourceAsStream(name)) {
      assertTrue(in != null, "test resource " + name + " is missing");
    }
    return Path.of(MfccOracleTest.class.getResource(name).toURI());
  }
}
