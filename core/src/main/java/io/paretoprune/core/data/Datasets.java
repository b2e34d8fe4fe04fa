package io.paretoprune.core.data;

import io.paretoprune.core.plugin.ConfigException;
import java.util.List;
import java.util.stream.Collectors;

/** The known data sets by name. */
public final class Datasets {
  private static final List<DatasetDescriptor> ALL =
      List.of(
          new IdxDataset(
              "mnist",
              "MNIST (60k/10k, 1x28x28, 10 classes), the paper's",
              "./paretoprune fetch-data --only mnist"),
          new IdxDataset(
              "fashion-mnist",
              "Fashion-MNIST (60k/10k, 1x28x28, 10 classes)",
              "./paretoprune fetch-data --only fashion-mnist"),
          new Cifar10Dataset());

  private Datasets() {}

  public static List<DatasetDescriptor> all() {
    return ALL;
  }

  /** The data set called {@code name}; a {@link ConfigException} listing the known ones if none. */
  public static DatasetDescriptor get(String name) {
    for (DatasetDescriptor d : ALL) {
      if (d.name().equals(name)) {
        return d;
      }
    }
    throw new ConfigException(
        null,
        "unknown dataset '"
            + name
            + "'; known: "
            + ALL.stream().map(DatasetDescriptor::name).collect(Collectors.joining(", ")));
  }
}
