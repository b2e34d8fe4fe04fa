// Times SpeechCorpus.check and load on a manifest, three times in one JVM (the thread's CPU time
// and the wall time): the reader's figures in BENCHMARKS.md. Not a test; run it as a source file:
//   ./mvnw -B -o -q dependency:build-classpath -pl speech -Dmdep.outputFile=/tmp/speech-corpus-cp.txt
//   java -cp "$(cat /tmp/speech-corpus-cp.txt):speech/target/classes:core/target/classes" \
//     speech/scripts/LoadBench.java data/spoken-numbers/train.csv
import io.paretoprune.speech.audio.FeatureSettings;
import io.paretoprune.speech.corpus.CorpusSummary;
import io.paretoprune.speech.corpus.SpeechCorpus;
import io.paretoprune.speech.corpus.Utterance;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadMXBean;
import java.nio.file.Path;
import java.util.List;

public class LoadBench {
  public static void main(String[] args) {
    Path manifest = Path.of(args[0]);
    ThreadMXBean mx = ManagementFactory.getThreadMXBean();
    for (int r = 0; r < 3; r++) {
      long c0 = mx.getCurrentThreadCpuTime();
      long t0 = System.nanoTime();
      CorpusSummary s = SpeechCorpus.check(manifest, FeatureSettings.DEEPSPEECH);
      long t1 = System.nanoTime();
      long c1 = mx.getCurrentThreadCpuTime();
      List<Utterance> u = SpeechCorpus.load(manifest, FeatureSettings.DEEPSPEECH);
      long t2 = System.nanoTime();
      long c2 = mx.getCurrentThreadCpuTime();
      long frames = u.stream().mapToLong(Utterance::frames).sum();
      System.out.printf(
          "%s%ncheck %.2f s wall %.2f s cpu, load %.2f s wall %.2f s cpu, %d frames,"
              + " %.1f us cpu per frame%n",
          s, (t1 - t0) / 1e9, (c1 - c0) / 1e9, (t2 - t1) / 1e9, (c2 - c1) / 1e9, frames,
          (c2 - c1) / 1e3 / frames);
    }
  }
}
