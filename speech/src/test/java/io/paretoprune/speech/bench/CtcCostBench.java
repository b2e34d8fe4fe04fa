package io.paretoprune.speech.bench;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.CtcLoss;
import java.util.Arrays;
import java.util.Map;
import java.util.Random;

/**
 * What the host-side CTC loss costs per training step of the {@code deepspeech} network: a batch of
 * 32 utterances of 150 frames (3 s at DeepSpeech's 20 ms step) with 7-digit transcripts (about 35
 * characters), forward and backward of the network with the CTC loss, against the CTC computation
 * alone ({@link CtcLoss#compute}: copying the logits to the host, forward-backward in double, the
 * gradient array). Not a unit test: the numbers depend on the machine and its load. Times are the
 * median of several rounds.
 *
 * <p>Run from the repository root:
 *
 * <pre>
 * ./mvnw -q -B -o -pl speech -am test-compile dependency:build-classpath \
 *     -Dmdep.outputFile=/tmp/speech-cp.txt -Dmdep.includeScope=test -Dspotless.check.skip=true
 * java -cp speech/target/test-classes:speech/target/classes:$(cat /tmp/speech-cp.txt) \
 *     io.paretoprune.speech.bench.CtcCostBench [threads, default 1] [n_hidden, default 256]
 * </pre>
 */
public final class CtcCostBench {
  private static final int ROUNDS = 9;
  private static final int BATCH = 32;
  private static final int FRAMES = 150;
  private static final String[] DIGITS = {
    "zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine"
  };

  private CtcCostBench() {}

  public static void main(String[] args) {
    int threads = args.length > 0 ? Integer.parseInt(args[0]) : 1;
    int hidden = args.length > 1 ? Integer.parseInt(args[1]) : 256;
    EngineSetup.setThreads(threads);
    EngineSetup.pytorchOffline();
    Alphabet abc = Alphabet.deepSpeechEnglish();
    Random rng = new Random(1);
    int[][] labels = new int[BATCH][];
    int[] lengths = new int[BATCH];
    long characters = 0;
    for (int b = 0; b < BATCH; b++) {
      StringBuilder text = new StringBuilder();
      for (int d = 0; d < 7; d++) {
        text.append(d == 0 ? "" : " ").append(DIGITS[rng.nextInt(10)]);
      }
      labels[b] = abc.encode(text.toString());
      characters += labels[b].length;
      lengths[b] = FRAMES - rng.nextInt(30);
    }
    try (NDManager manager = NDManager.newBaseManager()) {
      Network net =
          ModelZoo.load()
              .create(
                  "deepspeech",
                  new PluginSettings(Map.of("n_hidden", hidden)),
                  new InputSpec(1, FRAMES, 494, abc.classes()),
                  manager,
                  1);
      NDArray x = manager.randomNormal(new Shape(BATCH, FRAMES, 494));
      CtcLoss ctc = CtcLoss.deepSpeech(abc);
      ParameterStore store = new ParameterStore(manager, false);
      double[] step = new double[ROUNDS];
      double[] loss = new double[ROUNDS];
      for (int round = -2; round < ROUNDS; round++) {
        for (ParameterRef p : net.catalog().trainable()) {
          Gradients.zero(p.array());
        }
        try (NDManager scope = manager.newSubManager()) {
          long start = System.nanoTime();
          NDArray logits;
          try (GradientCollector gc = Engine.getInstance().newGradientCollector()) {
            logits = net.block().forward(store, new NDList(x), true).singletonOrThrow();
            gc.backward(ctc.evaluate(logits, lengths, labels));
          }
          long stepped = System.nanoTime();
          ctc.compute(logits.stopGradient(), lengths, labels);
          long computed = System.nanoTime();
          scope.tempAttachAll(logits);
          if (round >= 0) {
            step[round] = (stepped - start) / 1e6;
            loss[round] = (computed - stepped) / 1e6;
          }
        }
      }
      double stepMs = median(step);
      double ctcMs = median(loss);
      System.out.printf(
          "deepspeech n_hidden=%d, batch %d x %d frames, %.1f characters per transcript,"
              + " %d PyTorch thread(s)%n",
          hidden, BATCH, FRAMES, (double) characters / BATCH, threads);
      System.out.printf(
          "training step with CTC: %.1f ms (median of %d); host CTC alone: %.1f ms = %.1f%%"
              + " of the step%n",
          stepMs, ROUNDS, ctcMs, 100 * ctcMs / stepMs);
    }
  }

  private static double median(double[] values) {
    double[] sorted = values.clone();
    Arrays.sort(sorted);
    return sorted[sorted.length / 2];
  }
}
