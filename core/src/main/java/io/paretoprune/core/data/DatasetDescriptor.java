package io.paretoprune.core.data;

import java.nio.file.Path;
import java.util.List;

/**
 * A known data set: where its files live under the data root, how to read them, and how its pixels
 * are normalised.
 */
public interface DatasetDescriptor {
  String name();

  String description();

  int classes();

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
