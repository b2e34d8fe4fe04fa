package io.paretoprune.core.data;

import io.paretoprune.core.plugin.Plugin;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The dataset seam: a data set by name, where its files live under the data root, how to read them,
 * and how its pixels are normalised. Register an implementation (public, with a public no-argument
 * constructor) in {@code META-INF/services/io.paretoprune.core.data.DatasetDescriptor}; suites name
 * it in {@code dataset.name}. {@link IdxDataset} does the work for data in the IDX format.
 */
public interface DatasetDescriptor extends Plugin {
  /**
   * None: the keys of a suite's {@code dataset} section ({@code dir}, {@code train_limit}, {@code
   * test_limit}) apply to every data set.
   */
  @Override
  default Map<String, String> settings() {
    return Map.of();
  }

  int classes();

  /**
   * The task this data set poses ({@link io.paretoprune.core.task.Tasks} by name): what its runs
   * are measured by. Image classification unless a data set says otherwise.
   */
  default String task() {
    return io.paretoprune.core.task.ImageClassification.NAME;
  }

  /** Channels, height and width of one example. */
  int[] exampleShape();

  Normalization normalization();

  /** The files {@link #load} reads, below {@code dir}. */
  List<Path> files(Path dir);

  /**
   * The directory of this data set: {@code root/<name>} when that exists, else {@code root} itself
   * when the files are directly there.
   */
  default Path resolve(Path root) {
    Path own = root.resolve(name());
    return java.nio.file.Files.isDirectory(own) ? own : root;
  }

  /** Reads both splits of images from {@code root} (see {@link #resolve}). */
  DatasetSplits load(Path root);

  /** What messages call this data set's examples, plural: {@code images} unless it says. */
  default String examplesNoun() {
    return "images";
  }

  /**
   * Reads both splits in full and checks them as a run would use them: the first {@code trainLimit}
   * / {@code testLimit} examples (0: all), both splits with one example shape. A data set of other
   * examples than images overrides this and {@link #tensors}.
   *
   * @throws DatasetFormatException naming the first bad file and its fault
   */
  default DataSummary summarize(Path root, int trainLimit, int testLimit) {
    DatasetSplits splits = load(root);
    LabeledImages train = splits.train().limit(trainLimit);
    LabeledImages test = splits.test().limit(testLimit);
    if (test.count() > 0
        && (test.channels() != train.channels()
            || test.height() != train.height()
            || test.width() != train.width())) {
      throw new DatasetFormatException(
          Path.of(test.source()),
          "test images are " + shape(test) + ", training images " + shape(train));
    }
    return new DataSummary(
        train.count(),
        test.count(),
        new int[] {train.channels(), train.height(), train.width()},
        train.classes(),
        Path.of(train.source()),
        Path.of(test.source()));
  }

  /**
   * Both splits as the trainer takes them, limited as in {@link #summarize}: images are read by
   * {@link #load} and made tensors by {@link #normalization}.
   *
   * @param manager owns the tensors
   */
  default TaskData tensors(
      Path root, int trainLimit, int testLimit, ai.djl.ndarray.NDManager manager) {
    DatasetSplits splits = load(root);
    LabeledImages train = splits.train().limit(trainLimit);
    LabeledImages test = splits.test().limit(testLimit);
    TensorDataset[] t = normalization().apply(manager, train, test);
    return new TaskData(
        t[0], t[1], new int[] {train.channels(), train.height(), train.width()}, train.classes());
  }

  private static String shape(LabeledImages images) {
    return images.channels() + "x" + images.height() + "x" + images.width();
  }

  /**
   * Checks that every file exists and has a readable header, without reading the data; a {@link
   * DatasetFormatException} names the first bad file and how to get it.
   */
  void check(Path root);
}
