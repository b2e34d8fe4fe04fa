package io.paretoprune.experiments.run;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.training.ParameterStore;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.DatasetFormatException;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.Network;
import io.paretoprune.models.sparse.CompactExport;
import io.paretoprune.models.sparse.CompactManifest;
import io.paretoprune.models.store.ModelFileException;
import io.paretoprune.models.store.ModelStore;
import java.nio.file.Path;

/**
 * The test accuracy of a saved run's model, computed as training computed it at each epoch's end:
 * the run's data limits and normalisation, its thread count, its eval batch size, inference-mode
 * forward passes, {@code argmax == label} counted per batch. So on the run's own data set it equals
 * the accuracy the run recorded, bit for bit.
 */
public final class SavedRunEvaluation {
  /** The figure and what it was measured on. */
  public record Result(String dataset, long examples, double testAccuracy) {}

  private SavedRunEvaluation() {}

  /**
   * @param datasetName the data set to test on; null for the run's own (with its limits)
   * @param dataRoot where data sets live when the run's spec names no directory
   */
  public static Result evaluate(SavedRun run, String datasetName, Path dataRoot) {
    return evaluate(run, datasetName, dataRoot, null);
  }

  /**
   * @param compactDir a compacted export of this run ({@code export --format compact}) to test
   *     instead of the run's saved model; null for the saved model
   */
  public static Result evaluate(SavedRun run, String datasetName, Path dataRoot, Path compactDir) {
    RunSpec spec = run.spec();
    boolean own = datasetName == null || datasetName.equals(spec.dataset().name());
    DatasetDescriptor descriptor = Datasets.get(own ? spec.dataset().name() : datasetName);
    Path dir = own && spec.dataset().dir() != null ? Path.of(spec.dataset().dir()) : dataRoot;
    DatasetSplits splits = descriptor.load(dir);
    LabeledImages train = own ? splits.train().limit(spec.dataset().trainLimit()) : splits.train();
    LabeledImages test = own ? splits.test().limit(spec.dataset().testLimit()) : splits.test();
    EngineSetup.setThreads(spec.threads());
    EngineSetup.pytorchOffline();
    try (NDManager manager = NDManager.newBaseManager()) {
      Network net =
          compactDir == null
              ? ModelStore.load(run.dir(), manager)
              : loadCompact(run, compactDir, manager);
      requireFits(net.input(), test);
      TensorDataset[] data = descriptor.normalization().apply(manager, train, test);
      double accuracy = accuracy(net, data[1], spec.evalBatchSize());
      return new Result(descriptor.name(), test.count(), accuracy);
    }
  }

  /** The compacted export in {@code dir}, refused naming its manifest when another run's. */
  static Network loadCompact(SavedRun run, Path dir, NDManager manager) {
    CompactManifest m = CompactExport.readManifest(dir);
    if (m.runId() != null && !m.runId().equals(run.runId())) {
      throw new ModelFileException(
          dir.resolve(CompactExport.MANIFEST),
          "exported from run " + m.runId() + ", not from " + run.runId());
    }
    return CompactExport.load(dir, manager);
  }

  private static void requireFits(InputSpec input, LabeledImages test) {
    if (test.channels() != input.channels()
        || test.height() != input.height()
        || test.width() != input.width()
        || test.classes() > input.classes()) {
      throw new DatasetFormatException(
          Path.of(test.source()),
          "images of "
              + test.channels()
              + "x"
              + test.height()
              + "x"
              + test.width()
              + " in "
              + test.classes()
              + " classes do not fit the saved model's input of "
              + input.channels()
              + "x"
              + input.height()
              + "x"
              + input.width()
              + " in "
              + input.classes()
              + " classes");
    }
  }

  /** The per-batch count of core's end-of-epoch evaluation, same batches, same operations. */
  static double accuracy(Network net, TensorDataset data, int batchSize) {
    ParameterStore store = new ParameterStore(data.features().getManager(), false);
    long n = data.size();
    long correct = 0;
    for (long from = 0; from < n; from += batchSize) {
      long to = Math.min(n, from + batchSize);
      try (NDScope scope = new NDScope()) {
        scope.suppressNotUsedWarning();
        NDIndex range = new NDIndex().addSliceDim(from, to);
        NDArray x = data.features().get(range);
        NDArray y = data.labels().get(range);
        NDArray logits = net.block().forward(store, new NDList(x), false).singletonOrThrow();
        correct += logits.argMax(1).eq(y).sum().getLong();
      }
    }
    return (double) correct / n;
  }
}
