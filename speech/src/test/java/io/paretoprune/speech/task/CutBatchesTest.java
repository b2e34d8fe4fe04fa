package io.paretoprune.speech.task;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.data.BatchOrder;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.speech.corpus.SpeechBatch;
import io.paretoprune.speech.corpus.Utterance;
import io.paretoprune.speech.ctc.Alphabet;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Cutting every batch of a speech split to its own longest utterance (the split's lengths) changes
 * no number of a DeepSpeech run: the unidirectional LSTM's outputs at a frame do not depend on
 * later frames and CTC reads each utterance's own frames only. The same run with and without the
 * lengths gives the same losses, error rates and weights.
 */
class CutBatchesTest {
  private static final int FRAMES = 30;
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

  /** 24 utterances of 6 to 30 random frames, transcripts "one", "two", "six", "ten". */
  private static SpeechBatch corpus() {
    Alphabet abc = Alphabet.deepSpeechEnglish();
    List<String> words = List.of("one", "two", "six", "ten");
    Random random = new Random(7);
    List<Utterance> utterances = new ArrayList<>();
    for (int i = 0; i < 24; i++) {
      int frames = 6 + random.nextInt(FRAMES - 6 + 1);
      if (i == 0) {
        frames = FRAMES; // the split's longest, so the uncut tensor has no extra padding
      }
      float[][] mfcc = new float[frames][26];
      for (float[] row : mfcc) {
        for (int c = 0; c < row.length; c++) {
          row[c] = (float) random.nextGaussian();
        }
      }
      String t = words.get(i % words.size());
      utterances.add(new Utterance(mfcc, abc.encode(t), t, null));
    }
    return SpeechBatch.of(manager, utterances, 9);
  }

  private static Network network() {
    return ModelZoo.load()
        .create(
            "deepspeech",
            new PluginSettings(Map.of("n_hidden", 16, "dropout", 0.0)),
            new InputSpec(1, FRAMES, 494, Alphabet.deepSpeechEnglish().classes()),
            manager,
            1);
  }

  private record Trained(TrainingResult result, List<float[]> weights) {}

  private static Trained train(TensorDataset data, BatchOrder order) {
    Network net = network();
    List<Objective> objectives =
        List.of(
            new Objective("f1", Optional.of(new CtcLossTerm()), List.of()),
            Objective.l1("f2", ParameterSelector.denseKernels()));
    MultiObjectiveTrainer t =
        MultiObjectiveTrainer.builder()
            .setBlock(net.block())
            .optCatalog(net.catalog())
            .setObjectives(objectives)
            .setPlan(CombinationPlan.single(in -> new double[] {1.0, 1e-4}, 2))
            .setStepRule(Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build())
            .setConfig(new TrainingConfig(2, 8, 1, 8, 0, order))
            .optMetrics(new SpeechRecognition().metrics())
            .setManager(manager)
            .build();
    TrainingResult result = t.fit(data, data);
    List<float[]> weights = new ArrayList<>();
    for (ParameterRef p : t.parameters().trainable()) {
      weights.add(p.array().toFloatArray());
    }
    return new Trained(result, weights);
  }

  @Test
  void aRunOnCutBatchesEqualsTheSameRunOnBatchesPaddedToTheSplitsLongest() {
    SpeechBatch b = corpus();
    NDArray labels = SpeechLabels.of(b);
    int[] lengths = b.featureLengths().toIntArray();
    Trained cut = train(new TensorDataset(b.features(), labels, lengths), BatchOrder.SHUFFLED);
    Trained padded = train(new TensorDataset(b.features(), labels), BatchOrder.SHUFFLED);
    assertEquals(TrainingResult.Status.COMPLETED, cut.result().status());
    for (int e = 0; e < 2; e++) {
      EpochMetrics c = cut.result().epochs().get(e);
      EpochMetrics p = padded.result().epochs().get(e);
      for (int i = 0; i < 2; i++) {
        assertEquals(
            p.trainObjectives()[i],
            c.trainObjectives()[i],
            1e-4 * Math.abs(p.trainObjectives()[i]));
        assertEquals(
            p.testObjectives()[i], c.testObjectives()[i], 1e-4 * Math.abs(p.testObjectives()[i]));
      }
      assertEquals(p.testMetrics(), c.testMetrics());
    }
    for (int w = 0; w < cut.weights().size(); w++) {
      float[] a = padded.weights().get(w);
      float[] z = cut.weights().get(w);
      for (int j = 0; j < a.length; j++) {
        assertEquals(a[j], z[j], 1e-5f + 1e-4f * Math.abs(a[j]), "parameter " + w + "[" + j + "]");
      }
    }
  }

  @Test
  void batchesByLengthTrainToo() {
    SpeechBatch b = corpus();
    int[] lengths = b.featureLengths().toIntArray();
    TensorDataset data = new TensorDataset(b.features(), SpeechLabels.of(b), lengths);
    Trained byLength = train(data, BatchOrder.BY_LENGTH);
    assertEquals(TrainingResult.Status.COMPLETED, byLength.result().status());
    EpochMetrics first = byLength.result().epochs().get(0);
    EpochMetrics second = byLength.result().epochs().get(1);
    assertTrue(second.trainObjectives()[0] < first.trainObjectives()[0], "CTC falls");
  }
}
