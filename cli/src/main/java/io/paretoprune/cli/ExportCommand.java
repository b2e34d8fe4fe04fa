package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.experiments.run.SavedRun;
import io.paretoprune.models.Network;
import io.paretoprune.models.sparse.CsrExport;
import io.paretoprune.models.sparse.SparseNetwork;
import io.paretoprune.models.store.ModelStore;
import java.nio.file.Path;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code export RUN_DIR --format csr}: a run's pruned model for use outside DJL. */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description =
        "Write a completed run's pruned model: the dense head in CSR (head.json), the layers"
            + " before it as DJL parameters (features.params); see docs/results-format.md.")
public final class ExportCommand implements Callable<Integer> {
  /** The formats there are; picocli lists them and refuses others. */
  enum Format {
    csr
  }

  @Parameters(paramLabel = "RUN_DIR", description = "e.g. results/quick/runs/SMGD-s1")
  Path runDir;

  @Option(names = "--format", required = true, description = "csr (the only one so far)")
  Format format;

  @Option(names = "--out", description = "output directory (default: RUN_DIR/csr)")
  Path out;

  @Override
  public Integer call() throws Exception {
    SavedRun run = SavedRun.open(runDir);
    Path target = out != null ? out : runDir.resolve("csr");
    EngineSetup.pytorchOffline();
    try (NDManager manager = NDManager.newBaseManager()) {
      Network net = ModelStore.load(run.dir(), manager);
      SparseNetwork sparse;
      try {
        sparse = SparseNetwork.of(net);
      } catch (IllegalArgumentException e) {
        throw new UserInputException(runDir + ": cannot export in CSR: " + e.getMessage());
      }
      CsrExport.write(sparse, target);
      System.out.printf(
          "%s: dense head %d nonzeros in CSR -> %s, %d blocks before it -> %s%n",
          run.runId(),
          sparse.head().nnz(),
          target.resolve(CsrExport.HEAD),
          sparse.featureBlocks().size(),
          target.resolve(CsrExport.FEATURES));
    }
    return 0;
  }
}
