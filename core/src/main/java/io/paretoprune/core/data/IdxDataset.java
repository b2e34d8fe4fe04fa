package io.paretoprune.core.data;

import io.paretoprune.core.plugin.NamedPlugin;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/**
 * A data set of four IDX files (raw or gzipped) of 28x28 grey images with 10 classes, like MNIST
 * and Fashion-MNIST, in {@code <data root>/<name>/}: a subclass only gives the name, a description
 * and how to get the files.
 */
public abstract class IdxDataset extends NamedPlugin implements DatasetDescriptor {
  /** The file names, without {@code .gz}: training images and labels, test images and labels. */
  public static final List<String> FILES =
      List.of(
          "train-images-idx3-ubyte",
          "train-labels-idx1-ubyte",
          "t10k-images-idx3-ubyte",
          "t10k-labels-idx1-ubyte");

  private final String fetchHint;

  /**
   * @param fetchHint how a user gets the files, shown when one is missing
   */
  protected IdxDataset(String name, String description, String fetchHint) {
    super(name, description);
    this.fetchHint = fetchHint;
  }

  @Override
  public int classes() {
    return 10;
  }

  @Override
  public int[] exampleShape() {
    return new int[] {1, 28, 28};
  }

  @Override
  public Normalization normalization() {
    return Normalization.UNIT_SCALE;
  }

  @Override
  public List<Path> files(Path root) {
    Path dir = resolve(root);
    return FILES.stream().map(f -> find(dir, f)).toList();
  }

  /** {@code name}, else {@code name.gz}. */
  private static Path find(Path dir, String name) {
    Path raw = dir.resolve(name);
    Path gz = dir.resolve(name + ".gz");
    return !Files.exists(raw) && Files.exists(gz) ? gz : raw;
  }

  @Override
  public DatasetSplits load(Path root) {
    check(root);
    List<Path> f = files(root);
    return new DatasetSplits(
        IdxReader.read(f.get(0), f.get(1), 10), IdxReader.read(f.get(2), f.get(3), 10));
  }

  @Override
  public void check(Path root) {
    List<Path> f = files(root);
    for (int i = 0; i < f.size(); i++) {
      if (!Files.isRegularFile(f.get(i))) {
        throw new DatasetFormatException(f.get(i), "file not found; get it with " + fetchHint);
      }
      IdxReader.checkHeader(f.get(i), i % 2 == 0 ? 3 : 1);
    }
  }
}
