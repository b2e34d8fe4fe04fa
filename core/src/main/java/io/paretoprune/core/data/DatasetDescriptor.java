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

  /** Reads both splits from {@code root} (see {@link #resolve}). */
  DatasetSplits load(Path root);

  /**
   * Checks that every file exists and has a readable header, without reading the data; a {@link
   * DatasetFormatException} names the first bad file and how to get it.
   */
  void check(Path root);
}
