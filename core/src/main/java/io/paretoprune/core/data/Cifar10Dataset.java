package io.paretoprune.core.data;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;

/** CIFAR-10 from its official binary files; z-scored with the training split's statistics. */
public final class Cifar10Dataset implements DatasetDescriptor {
  @Override
  public String name() {
    return "cifar10";
  }

  @Override
  public String description() {
    return "CIFAR-10 (50k/10k, 3x32x32, 10 classes) from the binary files in data/cifar10 or dataset.dir";
  }

  @Override
  public int classes() {
    return 10;
  }

  @Override
  public int[] exampleShape() {
    return new int[] {3, 32, 32};
  }

  @Override
  public Normalization normalization() {
    return Normalization.ZSCORE;
  }

  @Override
  public List<Path> files(Path root) {
    Path dir = resolve(root);
    List<Path> out = new ArrayList<>();
    Cifar10Reader.TRAIN.forEach(n -> out.add(dir.resolve(n)));
    out.add(dir.resolve(Cifar10Reader.TEST));
    return out;
  }

  @Override
  public DatasetSplits load(Path root) {
    check(root);
    Path dir = resolve(root);
    return new DatasetSplits(Cifar10Reader.train(dir), Cifar10Reader.test(dir));
  }

  @Override
  public void check(Path root) {
    for (Path f : files(root)) {
      if (!Files.isRegularFile(f)) {
        throw new DatasetFormatException(
            f,
            "file not found; no package ships CIFAR-10: put the"
                + " official binary files (data_batch_1..5.bin, test_batch.bin) there");
      }
    }
  }
}
