package io.paretoprune.speech.bench;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.speech.audio.FeatureSettings;
import io.paretoprune.speech.corpus.SpeechBatch;
import io.paretoprune.speech.corpus.SpeechCorpus;
import io.paretoprune.speech.corpus.Utterance;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.CtcLoss;
import java.lang.management.ManagementFactory;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;

/**
 * What the host side of {@link CtcLoss} costs and allocates for one training batch of a real
 * corpus: the first {@code batch} utterances of a manifest through an untrained {@code deepspeech}
 * (the logits a step hands the loss), then, each round, {@link CtcLoss#compute} (the host copy of
 * the logits, the forward-backward recursions, the gradient array) and {@link CtcLoss#evaluate}
 * (that and the gradient back on the engine with the scalar autograd differentiates). Times are the
 * calling thread's CPU time (the loss runs on it alone), so that other processes on the machine
 * disturb them less than wall time; allocation is the thread's allocated bytes, against the two
 * arrays of the logits' size a host loss cannot do without (the copy and the gradient). Not a unit
 * test; run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -o -pl speech -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/speech-cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp speech/target/test-classes:speech/target/classes:$(cat /tmp/speech-cp.txt) \
 *     io.paretoprune.speech.bench.CtcHostProfile data/spoken-numbers/train.csv [batch 32] [rounds 21]
 * </pre>
 */
public final class CtcHostProfile {
  private CtcHostProfile() {}

  public static void main(String[] args) throws Exception {
    Path manifest = Path.of(args[0]);
    int batch = args.length > 1 ? Integer.parseInt(args[1]) : 32;
    int rounds = args.length > 2 ? Integer.parseInt(args[2]) : 21;
    EngineSetup.setThreads(1);
    EngineSetup.pytorchOffline();
    List<Utterance> utterances =
        SpeechCorpus.load(head(manifest, batch), FeatureSettings.DEEPSPEECH);
    Alphabet abc = Alphabet.deepSpeechEnglish();
    CtcLoss ctc = CtcLoss.deepSpeech(abc);
    var mx = (com.sun.management.ThreadMXBean) ManagementFactory.getThreadMXBean();
    try (NDManager manager = NDManager.newBaseManager()) {
      SpeechBatch b =
          SpeechBatch.of(manager, utterances, FeatureSettings.DEEPSPEECH.contextFrames());
      long frames = b.features().getShape().get(1);
      Network net =
          ModelZoo.load()
              .create(
                  "deepspeech",
                  new PluginSettings(Map.of("n_hidden", 256)),
                  new InputSpec(
                      1, (int) frames, FeatureSettings.DEEPSPEECH.inputWidth(), abc.classes()),
                  manager,
                  1);
      NDArray logits =
          net.block()
              .forward(new ParameterStore(manager, false), new NDList(b.features()), false)
              .singletonOrThrow();
      int[] lengths = b.featureLengths().toIntArray();
      int[][] labels = new int[utterances.size()][];
      long characters = 0;
      for (int i = 0; i < labels.length; i++) {
        labels[i] = utterances.get(i).labels();
        characters += labels[i].length;
      }
      double[] computeMs = new double[rounds];
      double[] evaluateMs = new double[rounds];
      long computeBytes = 0;
      long evaluateBytes = 0;
      for (int round = -5; round < rounds; round++) {
        long c0 = mx.getCurrentThreadCpuTime();
        long a0 = mx.getCurrentThreadAllocatedBytes();
        ctc.compute(logits, lengths, labels);
        long c1 = mx.getCurrentThreadCpuTime();
        long a1 = mx.getCurrentThreadAllocatedBytes();
        try (NDManager scope = manager.newSubManager()) {
          scope.tempAttachAll(logits);
          ctc.evaluate(logits, lengths, labels).getFloat();
        }
        long c2 = mx.getCurrentThreadCpuTime();
        long a2 = mx.getCurrentThreadAllocatedBytes();
        if (round >= 0) {
          computeMs[round] = (c1 - c0) / 1e6;
          evaluateMs[round] = (c2 - c1) / 1e6;
          computeBytes = a1 - a0;
          evaluateBytes = a2 - a1;
        }
      }
      long logitBytes = logits.size() * Float.BYTES;
      System.out.printf(
          "%d utterances of %s, padded to %d frames (%d frames in all), %.1f characters each;"
              + " logits %s = %.1f kB%n",
          labels.length,
          manifest,
          frames,
          Arrays.stream(lengths).sum(),
          (double) characters / labels.length,
          logits.getShape(),
          logitBytes / 1e3);
      System.out.printf(
          "compute: %.2f ms cpu (median of %d), %.1f kB allocated = %.2f x the copy and the"
              + " gradient%n",
          median(computeMs), rounds, computeBytes / 1e3, computeBytes / (2.0 * logitBytes));
      System.out.printf(
          "evaluate: %.2f ms cpu, %.1f kB allocated on the Java heap%n",
          median(evaluateMs), evaluateBytes / 1e3);
    }
  }

  /**
   * The manifest's header and first {@code n} rows, WAV paths made absolute, in a temporary file.
   */
  private static Path head(Path manifest, int n) throws Exception {
    List<String> lines = Files.readAllLines(manifest);
    List<String> out = new ArrayList<>(List.of(lines.get(0)));
    Path dir = manifest.toAbsolutePath().getParent();
    for (String row : lines.subList(1, Math.min(lines.size(), n + 1))) {
      out.add(dir.resolve(row.substring(0, row.indexOf(','))) + row.substring(row.indexOf(',')));
    }
    Path tmp = Files.createTempFile("ctc-profile", ".csv");
    tmp.toFile().deleteOnExit();
    return Files.write(tmp, out);
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
