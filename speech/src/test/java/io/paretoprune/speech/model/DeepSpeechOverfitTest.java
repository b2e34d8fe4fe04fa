package io.paretoprune.speech.model;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.training.GradientCollector;
import ai.djl.training.ParameterStore;
import ai.djl.training.optimizer.Optimizer;
import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.engine.Gradients;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.speech.ctc.Alphabet;
import io.paretoprune.speech.ctc.CtcLoss;
import io.paretoprune.speech.ctc.GreedyCtcDecoder;
import io.paretoprune.speech.metrics.TranscriptErrorRates;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The zoo's deepspeech network, trained with the CTC loss by DJL's autograd and Adam, memorises a
 * few synthetic utterances of different lengths (padded into one batch) until greedy decoding
 * transcribes every one exactly.
 */
class DeepSpeechOverfitTest {
  private static final Alphabet ABC = Alphabet.deepSpeechEnglish();
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

  @Test
  void memorisesShortTranscriptsUntilGreedyDecodingIsExact() {
    List<String> transcripts = List.of("one", "two", "six", "no");
    int[] lengths = {14, 12, 14, 9};
    int frames = 14;
    int[][] labels = transcripts.stream().map(ABC::encode).toArray(int[][]::new);
    Network net =
        ModelZoo.load()
            .create(
                "deepspeech",
                new PluginSettings(Map.of("n_hidden", 32)),
                new InputSpec(1, frames, 494, ABC.classes()),
                manager,
                1);
    NDArray x = manager.randomNormal(new Shape(transcripts.size(), frames, 494));
    CtcLoss ctc = CtcLoss.deepSpeech(ABC);
    GreedyCtcDecoder decoder = new GreedyCtcDecoder(ABC);
    Optimizer adam = Optimizer.adam().optLearningRateTracker(Tracker.fixed(3e-3f)).build();
    ParameterStore store = new ParameterStore(manager, false);
    List<ParameterRef> trainable = net.catalog().trainable();

    List<Float> losses = new ArrayList<>();
    long start = System.nanoTime();
    List<String> decoded = List.of();
    int steps = 0;
    while (steps < 400) {
      for (ParameterRef p : trainable) {
        Gradients.zero(p.array());
      }
      try (NDManager step = manager.newSubManager();
          GradientCollector gc = Engine.getInstance().newGradientCollector()) {
        NDArray logits = net.block().forward(store, new NDList(x), true).singletonOrThrow();
        NDArray loss = ctc.evaluate(logits, lengths, labels);
        losses.add(loss.getFloat());
        gc.backward(loss);
        step.tempAttachAll(logits, loss);
      }
      for (ParameterRef p : trainable) {
        try (NDArray g = p.array().getGradient()) {
          adam.update(p.id(), p.array(), g);
        }
      }
      steps++;
      if (steps % 5 == 0) {
        decoded = decoder.decode(net.logits(x), lengths);
        if (decoded.equals(transcripts)) {
          break;
        }
      }
    }
    TranscriptErrorRates rates = new TranscriptErrorRates();
    rates.addAll(transcripts, decoded);
    String trace =
        "after "
            + steps
            + " steps: "
            + decoded
            + ", losses "
            + losses.get(0)
            + " .. "
            + losses.get(losses.size() - 1);
    assertEquals(0.0, rates.cer(), trace);
    assertEquals(0.0, rates.wer(), trace);
    assertTrue(losses.get(losses.size() - 1) < 0.2f * losses.get(0), trace);
    System.out.println(
        "deepspeech overfit " + trace + " in " + (System.nanoTime() - start) / 1_000_000 + " ms");
  }
}
