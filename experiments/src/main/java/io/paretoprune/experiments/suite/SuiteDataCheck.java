package io.paretoprune.experiments.suite;

import io.paretoprune.core.data.DataSummary;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import java.nio.file.Path;

/**
 * Validates a suite's data in the parent process before any run starts, so a fault in the values is
 * one line naming the file instead of a failed run per run.
 *
 * <p>It reads both splits in full with the data set's own readers, which check what a file can get
 * wrong on its own (headers, lengths, gzip integrity and checksum, image and label counts agreeing,
 * labels in range), then what depends on the suite: train and test images of one size, a size the
 * model's factory accepts (factories refuse inputs they cannot take when they build the block, no
 * weights or engine needed), at least one training batch and one test example after the limits.
 * MNIST in full reads in about half a second.
 */
public final class SuiteDataCheck {
  private SuiteDataCheck() {}

  /**
   * @throws DatasetFormatException naming the first bad file and its fault
   */
  public static void check(SuiteSpec suite, Path dataRoot) {
    SuiteSpec.DatasetSpec ds = suite.dataset();
    DatasetDescriptor descriptor = Datasets.get(ds.name());
    DataSummary data =
        descriptor.summarize(
            ds.dir() != null ? Path.of(ds.dir()) : dataRoot, ds.trainLimit(), ds.testLimit());
    if (data.trainCount() / suite.batchSize() < 1) {
      throw new DatasetFormatException(
          data.trainSource(),
          data.trainCount()
              + " training "
              + descriptor.examplesNoun()
              + (ds.trainLimit() > 0 ? " (train_limit " + ds.trainLimit() + ")" : "")
              + " make no batch of "
              + suite.batchSize());
    }
    if (data.testCount() < 1) {
      throw new DatasetFormatException(
          data.testSource(),
          "no test " + descriptor.examplesNoun() + (ds.testLimit() > 0 ? "" : " in the file"));
    }
    int[] shape = data.exampleShape();
    try {
      ModelZoo.load()
          .validate(
              suite.model().name(),
              new PluginSettings(suite.model().settings()),
              new InputSpec(shape[0], shape[1], shape[2], data.classes()));
    } catch (ConfigException | IllegalArgumentException e) {
      String why = e instanceof ConfigException c ? c.problem() : e.getMessage();
      throw new DatasetFormatException(
          data.trainSource(),
          descriptor.examplesNoun()
              + " of "
              + data.shapeText()
              + " do not fit model '"
              + suite.model().name()
              + "': "
              + why);
    }
  }
}
