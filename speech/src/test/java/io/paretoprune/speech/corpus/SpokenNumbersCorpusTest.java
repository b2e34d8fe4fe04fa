package io.paretoprune.speech.corpus;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assertions.fail;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.paretoprune.speech.audio.FeatureSettings;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code scripts/make-spoken-numbers.sh} on a small corpus: two generations are identical file for
 * file, every split passes the reader's checks, the unseen-voice split shares no voice with
 * training, a verified corpus is kept and a damaged one made again. Needs the Debian packages the
 * script uses (fetch-data installs them); skipped where they are missing.
 */
class SpokenNumbersCorpusTest {
  private static final Path SCRIPT = Path.of("..", "scripts", "make-spoken-numbers.sh");
  private static final String SIZES = "2,1,2,1,3";
  private static final List<String> SPLITS =
      List.of("train", "dev", "test-voices", "test-flite", "test-real");

  @TempDir Path tmp;

  private record Outcome(int code, String output) {}

  private static Outcome make(String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of("bash", SCRIPT.toString()));
    cmd.addAll(List.of(args));
    Process p = new ProcessBuilder(cmd).redirectErrorStream(true).start();
    String out = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertTrue(p.waitFor(10, TimeUnit.MINUTES), "make-spoken-numbers hung");
    return new Outcome(p.exitValue(), out);
  }

  private static boolean toolsPresent() throws IOException, InterruptedException {
    Process p =
        new ProcessBuilder(
                "bash",
                "-c",
                "command -v espeak-ng && command -v flite && command -v sox"
                    + " && dpkg -L asterisk-core-sounds-en-wav | grep -q '/digits/9.wav$'")
            .redirectErrorStream(true)
            .start();
    p.getInputStream().readAllBytes();
    return p.waitFor(60, TimeUnit.SECONDS) && p.exitValue() == 0;
  }

  /**
   * Which files of two generations differ, with each one's plan line (its meta row), sizes and, for
   * WAV files, how many 16-bit samples differ, where the first is and the largest difference:
   * enough to tell a rounding difference from a cut or shifted file when a host disagrees.
   */
  private static String differences(Path a, Path b, String sumsA, String sumsB) throws IOException {
    Map<String, String> left = parseSums(sumsA);
    Map<String, String> right = parseSums(sumsB);
    StringBuilder out = new StringBuilder();
    Set<String> names = new TreeSet<>(left.keySet());
    names.addAll(right.keySet());
    for (String name : names) {
      if (Objects.equals(left.get(name), right.get(name))) {
        continue;
      }
      out.append(name).append(": ");
      Path fa = a.resolve(name);
      Path fb = b.resolve(name);
      if (!Files.exists(fa) || !Files.exists(fb)) {
        out.append("missing from one generation\n");
        continue;
      }
      byte[] x = Files.readAllBytes(fa);
      byte[] y = Files.readAllBytes(fb);
      out.append(x.length).append(" vs ").append(y.length).append(" bytes");
      if (name.endsWith(".wav") && x.length > 44 && y.length > 44) {
        int n = (Math.min(x.length, y.length) - 44) / 2;
        int differing = 0;
        int first = -1;
        int largest = 0;
        for (int i = 0; i < n; i++) {
          int sx = (short) ((x[44 + 2 * i] & 0xff) | (x[45 + 2 * i] << 8));
          int sy = (short) ((y[44 + 2 * i] & 0xff) | (y[45 + 2 * i] << 8));
          if (sx != sy) {
            differing++;
            first = first < 0 ? i : first;
            largest = Math.max(largest, Math.abs(sx - sy));
          }
        }
        out.append(", ").append(differing).append(" of ").append(n).append(" samples differ");
        if (first >= 0) {
          out.append(" (first at ").append(first).append(", largest by ").append(largest);
          out.append(")");
        }
        String split = name.substring(0, name.indexOf('/'));
        for (String row : Files.readAllLines(a.resolve(split + ".meta.csv"))) {
          if (row.startsWith(name + ",")) {
            out.append("; plan ").append(row);
          }
        }
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static Map<String, String> parseSums(String sums) {
    Map<String, String> byName = new TreeMap<>();
    for (String line : sums.split("\n")) {
      int gap = line.indexOf("  ");
      if (gap > 0) {
        byName.put(line.substring(gap + 2), line.substring(0, gap));
      }
    }
    return byName;
  }

  @Test
  void sameSeedGivesTheSameCorpusAndEverySplitPassesTheChecks() throws Exception {
    assumeTrue(toolsPresent(), "espeak-ng, flite, sox or asterisk-core-sounds-en-wav missing");
    Path a = tmp.resolve("a");
    Path b = tmp.resolve("b");
    Outcome first = make("--sizes", SIZES, a.toString());
    assertEquals(0, first.code(), first.output());
    Outcome second = make("--sizes", SIZES, "--jobs", "1", b.toString());
    assertEquals(0, second.code(), second.output());
    String sums = Files.readString(a.resolve("SHA256SUMS"));
    String sumsB = Files.readString(b.resolve("SHA256SUMS"));
    if (!sums.equals(sumsB)) {
      fail("two generations differ:\n" + differences(a, b, sums, sumsB));
    }
    for (String split : SPLITS) {
      assertTrue(sums.contains("  " + split + ".csv\n"), split + ".csv has no SHA-256");
      CorpusSummary s = SpeechCorpus.check(a.resolve(split + ".csv"), FeatureSettings.DEEPSPEECH);
      assertEquals(List.of(SIZES.split(",")).get(SPLITS.indexOf(split)), "" + s.utterances());
    }
    assertTrue(Files.readString(a.resolve("VERSIONS")).contains("espeak-ng "));

    List<Utterance> real =
        SpeechCorpus.load(a.resolve("test-real.csv"), FeatureSettings.DEEPSPEECH);
    assertEquals("zero", real.get(0).transcript());
    assertEquals("two", real.get(2).transcript());
    for (Utterance u : SpeechCorpus.load(a.resolve("train.csv"), FeatureSettings.DEEPSPEECH)) {
      int digits = u.transcript().split(" ").length;
      assertTrue(digits >= 1 && digits <= 7, u.transcript());
    }

    Set<String> trainVoices = voices(a, "train");
    trainVoices.addAll(voices(a, "dev"));
    for (String v : voices(a, "test-voices")) {
      assertTrue(!trainVoices.contains(v), "test voice " + v + " is also a training voice");
    }

    Outcome again = make("--sizes", SIZES, a.toString());
    assertEquals(0, again.code(), again.output());
    assertTrue(again.output().contains("present and verified"), again.output());

    Path wav = a.resolve("train/00001.wav");
    byte[] bytes = Files.readAllBytes(wav);
    bytes[bytes.length - 1] ^= 1;
    Files.write(wav, bytes);
    Outcome remade = make("--sizes", SIZES, a.toString());
    assertEquals(0, remade.code(), remade.output());
    assertTrue(remade.output().contains("wrote"), remade.output());
    assertEquals(sums, Files.readString(a.resolve("SHA256SUMS")));

    Outcome seed23 = make("--sizes", "1,0,0,0,0", tmp.resolve("c").toString());
    Outcome seed7 = make("--sizes", "1,0,0,0,0", "--seed", "7", tmp.resolve("d").toString());
    assertEquals(0, seed23.code() + seed7.code(), seed23.output() + seed7.output());
    assertNotEquals(
        Files.readString(tmp.resolve("c/train.csv")), Files.readString(tmp.resolve("d/train.csv")));
  }

  /** "voice+variant" of every utterance of a split, from its meta file. */
  private static Set<String> voices(Path corpus, String split) throws IOException {
    Set<String> out = new HashSet<>();
    List<String> lines = Files.readAllLines(corpus.resolve(split + ".meta.csv"));
    for (String line : lines.subList(1, lines.size())) {
      String[] f = line.split(",", -1);
      out.add(f[2] + "+" + f[3]);
    }
    return out;
  }

  @Test
  void badArgumentsAreOneLineAndExitTwo() throws Exception {
    for (String[] args :
        List.of(
            new String[] {"--sizes", "1,2", tmp.toString()},
            new String[] {"--jobs", "0", tmp.toString()},
            new String[] {"--seed", "x", tmp.toString()},
            new String[] {"--frobnicate"},
            new String[] {})) {
      Outcome o = make(args);
      assertEquals(2, o.code(), String.join(" ", args) + ": " + o.output());
      assertEquals(1, o.output().strip().lines().count(), o.output());
      assertTrue(o.output().startsWith("spoken-numbers: "), o.output());
    }
  }
}
