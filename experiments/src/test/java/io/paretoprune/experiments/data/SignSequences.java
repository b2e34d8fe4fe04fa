package io.paretoprune.experiments.data;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DataSummary;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TaskData;
import io.paretoprune.core.data.TensorDataset;
import java.nio.file.Path;
import java.util.List;
import java.util.SplittableRandom;

/**
 * A data set whose examples are not images: sequences of 6 frames of 5 features, class 1 when the
 * first feature's mean over the frames is positive. It has no files and no images ({@link #load}
 * refuses): only {@link #summarize} and {@link #tensors}, as a sequence data set would.
 */
public final class SignSequences implements DatasetDescriptor {
  static final int FRAMES = 6;
  static final int FEATURES = 5;
  static final int TRAIN = 512;
  static final int TEST = 128;

  @Override
  public String name() {
    return "sign-sequences";
  }

  @Override
  public String description() {
    return "test data: sequences of 6 x 5 features, class = sign of the first feature's mean";
  }

  @Override
  public String examplesNoun() {
    return "sequences";
  }

  @Override
  public int classes() {
    return 2;
  }

  @Override
  public int[] exampleShape() {
    return new int[] {1, FRAMES, FEATURES};
  }

  @Override
  public Normalization normalization() {
    return Normalization.UNIT_SCALE;
  }

  @Override
  public List<Path> files(Path dir) {
    return List.of();
  }

  @Override
  public DatasetSplits load(Path root) {
    throw new UnsupportedOperationException("sign-sequences holds no images");
  }

  @Override
  public void check(Path root) {}

  @Override
  public DataSummary summarize(Path root, int trainLimit, int testLimit) {
    return new DataSummary(
        limit(TRAIN, trainLimit),
        limit(TEST, testLimit),
        exampleShape(),
        classes(),
        root.resolve("train"),
        root.resolve("test"));
  }

  @Override
  public TaskData tensors(Path root, int trainLimit, int testLimit, NDManager manager) {
    return new TaskData(
        split(manager, limit(TRAIN, trainLimit), 1),
        split(manager, limit(TEST, testLimit), 2),
        exampleShape(),
        classes());
  }

  private static int limit(int n, int limit) {
    return limit > 0 ? Math.min(n, limit) : n;
  }

  private static TensorDataset split(NDManager manager, int n, long seed) {
    SplittableRandom random = new SplittableRandom(seed);
    float[] x = new float[n * FRAMES * FEATURES];
    long[] y = new long[n];
    for (int i = 0; i < n; i++) {
      double first = 0;
      for (int t = 0; t < FRAMES * FEATURES; t++) {
        x[i * FRAMES * FEATURES + t] = (float) random.nextGaussian();
      }
      for (int f = 0; f < FRAMES; f++) {
        first += x[i * FRAMES * FEATURES + f * FEATURES];
      }
      y[i] = first > 0 ? 1 : 0;
    }
    return new TensorDataset(
        manager.create(x, new ai.djl.ndarray.types.Shape(n, 1, FRAMES, FEATURES)),
        manager.create(y));
  }
}
