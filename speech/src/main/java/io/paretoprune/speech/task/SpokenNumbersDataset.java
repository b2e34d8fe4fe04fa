package io.paretoprune.speech.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DataSummary;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TaskData;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.speech.audio.FeatureSettings;
import io.paretoprune.speech.corpus.CorpusSummary;
import io.paretoprune.speech.corpus.SpeechBatch;
import io.paretoprune.speech.corpus.SpeechCorpus;
import io.paretoprune.speech.corpus.Utterance;
import io.paretoprune.speech.ctc.Alphabet;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * {@code spoken-numbers}: the spoken digit strings of {@code fetch-data --only spoken-numbers}
 * (docs/speech.md), DeepSpeech's features (26 MFCC, 9 context frames each side: 494 inputs a
 * frame), trained on {@code train.csv} and tested on {@code test-voices.csv} (espeak-ng voices no
 * training utterance uses), and on the further test splits {@code flite} ({@code test-flite.csv},
 * another synthesiser) and {@code real} ({@code test-real.csv}, human recordings) when their
 * manifests are in the corpus directory: a user's DeepSpeech-style corpus with only a train and a
 * test manifest is tested on that one. Each split is one padded tensor {@code [N, longest, 494]}
 * with each utterance's frames as its lengths (every batch is cut to its own longest); labels as
 * {@link SpeechLabels}.
 */
public final class SpokenNumbersDataset implements DatasetDescriptor {
  static final String TRAIN = "train.csv";
  static final String TEST = "test-voices.csv";

  /** The further test splits by name and manifest, in the order their columns take. */
  static final List<Map.Entry<String, String>> EXTRA_TESTS =
      List.of(Map.entry("flite", "test-flite.csv"), Map.entry("real", "test-real.csv"));

  private static final FeatureSettings FEATURES = FeatureSettings.DEEPSPEECH;

  @Override
  public String name() {
    return "spoken-numbers";
  }

  @Override
  public String description() {
    return "spoken digit strings (espeak-ng, 16 kHz), DeepSpeech's MFCC; test: unseen voices";
  }

  @Override
  public String task() {
    return SpeechRecognition.NAME;
  }

  @Override
  public String examplesNoun() {
    return "utterances";
  }

  @Override
  public int classes() {
    return Alphabet.deepSpeechEnglish().classes();
  }

  /** One channel of frames by features; the frame count is each split's longest utterance. */
  @Override
  public int[] exampleShape() {
    return new int[] {1, 1, FEATURES.inputWidth()};
  }

  @Override
  public Normalization normalization() {
    return Normalization.UNIT_SCALE;
  }

  /** The train and test manifests, and those of the further test splits that are there. */
  @Override
  public List<Path> files(Path dir) {
    List<Path> files = new ArrayList<>(List.of(dir.resolve(TRAIN), dir.resolve(TEST)));
    extraTests(dir).values().forEach(files::add);
    return files;
  }

  /** The further test splits whose manifests are in {@code dir}, by name, in order. */
  static Map<String, Path> extraTests(Path dir) {
    Map<String, Path> present = new LinkedHashMap<>();
    for (Map.Entry<String, String> split : EXTRA_TESTS) {
      Path manifest = dir.resolve(split.getValue());
      if (Files.exists(manifest)) {
        present.put(split.getKey(), manifest);
      }
    }
    return present;
  }

  @Override
  public DatasetSplits load(Path root) {
    throw new UnsupportedOperationException("spoken-numbers holds audio, not images");
  }

  @Override
  public void check(Path root) {
    for (Path f : files(resolve(root))) {
      if (!Files.isRegularFile(f)) {
        throw new DatasetFormatException(
            f, "not found; run ./paretoprune fetch-data --only spoken-numbers");
      }
    }
  }

  @Override
  public DataSummary summarize(Path root, int trainLimit, int testLimit) {
    check(root);
    Path dir = resolve(root);
    CorpusSummary train = SpeechCorpus.check(dir.resolve(TRAIN), FEATURES);
    CorpusSummary test = SpeechCorpus.check(dir.resolve(TEST), FEATURES);
    // Read and checked in full like the others (every WAV, transcript and length), before any run.
    for (Path extra : extraTests(dir).values()) {
      SpeechCorpus.check(extra, FEATURES);
    }
    return new DataSummary(
        limit(train.utterances(), trainLimit),
        limit(test.utterances(), testLimit),
        new int[] {1, train.maxFrames(), FEATURES.inputWidth()},
        classes(),
        dir.resolve(TRAIN),
        dir.resolve(TEST));
  }

  @Override
  public TaskData tensors(Path root, int trainLimit, int testLimit, NDManager manager) {
    check(root);
    Path dir = resolve(root);
    TensorDataset train = split(manager, dir.resolve(TRAIN), trainLimit);
    TensorDataset test = split(manager, dir.resolve(TEST), testLimit);
    Map<String, TensorDataset> extra = new LinkedHashMap<>();
    extraTests(dir)
        .forEach((name, manifest) -> extra.put(name, split(manager, manifest, testLimit)));
    long frames = train.features().getShape().get(1);
    return new TaskData(
        train,
        test,
        new int[] {1, Math.toIntExact(frames), FEATURES.inputWidth()},
        classes(),
        extra);
  }

  private static int limit(int n, int limit) {
    return limit > 0 ? Math.min(n, limit) : n;
  }

  private static TensorDataset split(NDManager manager, Path manifest, int limit) {
    List<Utterance> all = SpeechCorpus.load(manifest, FEATURES);
    List<Utterance> used = all.subList(0, limit(all.size(), limit));
    SpeechBatch batch = SpeechBatch.of(manager, used, FEATURES.contextFrames());
    try {
      NDArray labels = SpeechLabels.of(batch);
      return new TensorDataset(batch.features(), labels, batch.featureLengths().toIntArray());
    } finally {
      batch.featureLengths().close();
      batch.labels().close();
      batch.labelLengths().close();
    }
  }
}
