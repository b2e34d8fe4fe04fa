package io.paretoprune.speech.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.task.MetricAccumulator;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.metrics.TranscriptErrorRates;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The task's WER and CER on fixed outputs, and that one batch is decoded once for both rates
 * however the trainer hands it to their accumulators.
 */
class ErrorRateMetricTest {
  private static final Alphabet ABC = Alphabet.deepSpeechEnglish();
  private static final int FRAMES = 16;
  private static NDManager manager;

  @BeforeAll
  static void engine() {
    EngineSetup.pytorchOffline();
    manager = NDManager.newBaseManager();
  }

  @AfterAll
  static void close() {
    manager.close();
  }

  /**
   * A batch: label rows as {@link SpeechLabels}, and one-hot logits whose best path is each
   * hypothesis.
   */
  private record Batch(NDArray outputs, NDArray labels) {}

  private static Batch batch(String[] references, String[] hypotheses) {
    int n = references.length;
    int width = 2;
    for (String r : references) {
      width = Math.max(width, 2 + r.length());
    }
    long[] rows = new long[n * width];
    float[] logits = new float[n * FRAMES * ABC.classes()];
    for (int b = 0; b < n; b++) {
      int[] ref = ABC.encode(references[b]);
      int[] hyp = ABC.encode(hypotheses[b]);
      int frames = 2 * hyp.length + 1;
      rows[b * width] = frames;
      rows[b * width + 1] = ref.length;
      for (int j = 0; j < ref.length; j++) {
        rows[b * width + 2 + j] = ref[j];
      }
      for (int t = 0; t < FRAMES; t++) {
        // Each symbol then a blank; past the sample's frames a 'z' that decoding must not read.
        int c = t >= frames ? ABC.encode("z")[0] : t % 2 == 0 ? ABC.blank() : hyp[t / 2];
        logits[(b * FRAMES + t) * ABC.classes() + c] = 1;
      }
    }
    return new Batch(
        manager.create(logits, new Shape(n, FRAMES, ABC.classes())),
        manager.create(rows, new Shape(n, width)));
  }

  private static final String[][] FIRST = {
    {"one two", "three", "four"}, {"one too", "three", "for"}
  };
  private static final String[][] SECOND = {{"nine"}, {""}};

  /** What the rates must be: the edits over the reference lengths, from the strings alone. */
  private static TranscriptErrorRates expected() {
    TranscriptErrorRates r = new TranscriptErrorRates();
    for (String[][] b : new String[][][] {FIRST, SECOND}) {
      r.addAll(List.of(b[0]), List.of(b[1]));
    }
    return r;
  }

  /** Adds the batches as the trainer does: each batch to every accumulator in turn. */
  private static double[] run(List<TaskMetric> metrics, Batch... batches) {
    List<MetricAccumulator> accumulators = new ArrayList<>();
    for (TaskMetric m : metrics) {
      accumulators.add(m.start(manager, 1));
    }
    for (Batch b : batches) {
      for (MetricAccumulator a : accumulators) {
        a.add(b.outputs(), b.labels(), false);
      }
    }
    double[] out = new double[accumulators.size()];
    for (int i = 0; i < out.length; i++) {
      out[i] = accumulators.get(i).values()[0];
      accumulators.get(i).close();
    }
    return out;
  }

  @Test
  void werAndCerOfFixedOutputs() {
    List<TaskMetric> metrics = new SpeechRecognition().metrics();
    assertEquals("wer", metrics.get(0).name());
    assertEquals("cer", metrics.get(1).name());
    double[] v = run(metrics, batch(FIRST[0], FIRST[1]), batch(SECOND[0], SECOND[1]));
    // Words: "two"->"too", "four"->"for", "nine" deleted: 3 of 5. Characters: 1 + 1 + 4 of 20.
    assertEquals(3.0 / 5, v[0], 1e-12);
    assertEquals(6.0 / 20, v[1], 1e-12);
    assertEquals(expected().wer(), v[0], 1e-12);
    assertEquals(expected().cer(), v[1], 1e-12);
  }

  @Test
  void noBatchIsNaN() {
    double[] v = run(new SpeechRecognition().metrics());
    assertTrue(Double.isNaN(v[0]) && Double.isNaN(v[1]));
  }

  @Test
  void eachBatchIsDecodedOnceForBothRates() {
    AtomicInteger decodes = new AtomicInteger();
    BatchErrorCounts.Scorer greedy = BatchErrorCounts.greedyScorer();
    List<TaskMetric> metrics =
        SpeechRecognition.errorRates(
            new BatchErrorCounts(
                (outputs, labels) -> {
                  decodes.incrementAndGet();
                  return greedy.score(outputs, labels);
                }));
    Batch first = batch(FIRST[0], FIRST[1]);
    Batch second = batch(SECOND[0], SECOND[1]);
    double[] v = run(metrics, first, second);
    assertEquals(2, decodes.get());
    assertEquals(expected().wer(), v[0], 1e-12);
    assertEquals(expected().cer(), v[1], 1e-12);

    // A second split (the test set's accumulators) on the same metrics: its own totals, and a
    // batch of equal values in new arrays is a new batch, decoded and counted again.
    decodes.set(0);
    v = run(metrics, first, batch(FIRST[0], FIRST[1]));
    assertEquals(2, decodes.get());
    assertEquals(4.0 / 8, v[0], 1e-12);
    assertEquals(4.0 / 32, v[1], 1e-12);
  }
}
