package io.paretoprune.core.data;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A data set's splits as the trainer takes them, whatever an example is (an image, a sequence of
 * feature frames): features and labels as tensors, with the shape of one example the model is built
 * for and the number of outputs it needs.
 *
 * @param test the primary test split: its figures are the {@code test_<name>} columns and decide
 *     whether a run diverged
 * @param exampleShape one example's shape without the batch axis, three dimensions (an image's
 *     channels, height and width; a sequence's 1, frames and features)
 * @param classes the number of outputs per example (classes, or symbols of a sequence task)
 * @param extraTests further test splits by name, in order (a speech corpus's other synthesiser or
 *     real recordings, say), each evaluated like the primary one after every epoch; empty for most
 *     data sets. A name is lower-case letters and digits, with no {@code _}: it becomes part of
 *     column names ({@code test_<split>_<metric>}), which must read back unambiguously.
 */
public record TaskData(
    TensorDataset train,
    TensorDataset test,
    int[] exampleShape,
    int classes,
    Map<String, TensorDataset> extraTests)
    implements AutoCloseable {
  public TaskData {
    if (exampleShape.length != 3) {
      throw new IllegalArgumentException(
          "an example's shape needs 3 dimensions, got " + exampleShape.length);
    }
    exampleShape = exampleShape.clone();
    for (String name : extraTests.keySet()) {
      if (!name.matches("[a-z][a-z0-9]*")) {
        throw new IllegalArgumentException(
            "test split name '" + name + "' must be lower-case letters and digits");
      }
    }
    extraTests = Collections.unmodifiableMap(new LinkedHashMap<>(extraTests));
  }

  /** A data set with one test split. */
  public TaskData(TensorDataset train, TensorDataset test, int[] exampleShape, int classes) {
    this(train, test, exampleShape, classes, Map.of());
  }

  @Override
  public int[] exampleShape() {
    return exampleShape.clone();
  }

  @Override
  public void close() {
    train.close();
    test.close();
    extraTests.values().forEach(TensorDataset::close);
  }
}
