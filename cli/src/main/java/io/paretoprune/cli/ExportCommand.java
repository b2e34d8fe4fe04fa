package io.paretoprune.cli;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.experiments.run.SavedRun;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.sparse.CompactExport;
import io.paretoprune.models.sparse.CompactedNetwork;
import io.paretoprune.models.sparse.CsrExport;
import io.paretoprune.models.sparse.NetworkCompactor;
import io.paretoprune.models.sparse.SparseNetwork;
import io.paretoprune.models.store.ModelStore;
import java.nio.file.Path;
import java.util.Locale;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/**
 * {@code export RUN_DIR --format csr|compact}: a run's pruned model for use outside DJL, or made
 * smaller.
 */
@Command(
    name = "export",
    mixinStandardHelpOptions = true,
    description = {
      "Write a completed run's pruned model; see docs/results-format.md.",
      "csr: the dense head in CSR (head.json), the layers before it as DJL parameters"
          + " (features.params), into RUN_DIR/csr.",
      "compact: a smaller dense network without the units that can no longer matter (all"
          + " outgoing or all incoming weights zero, the constant activation of the latter folded"
          + " into the next bias, to a fixed point; conv channels of the last convolution that no"
          + " first-dense-layer weight reads, or whose kernel is zero, likewise), into"
          + " RUN_DIR/compact (compact.json with the widths, model.params). It prints the widths"
          + " and the largest logit difference to the pruned network on 64 random inputs;"
          + " 'eval RUN_DIR --model RUN_DIR/compact' tests it."
    })
public final class ExportCommand implements Callable<Integer> {
  /** The formats there are. */
  enum Format {
    csr,
    compact
  }

  @Parameters(paramLabel = "RUN_DIR", description = "e.g. results/quick/runs/SMGD-s1")
  Path runDir;

  // A string, not the enum, so that an unknown format is one line (picocli adds its usage text).
  @Option(names = "--format", required = true, description = "csr or compact")
  String formatName;

  private Format format;

  @Option(
      names = "--out",
      description = "output directory (default: RUN_DIR/csr or RUN_DIR/compact)")
  Path out;

  @Override
  public Integer call() throws Exception {
    format =
        java.util.Arrays.stream(Format.values())
            .filter(f -> f.name().equals(formatName))
            .findFirst()
            .orElseThrow(
                () ->
                    new UserInputException(
                        "export --format "
                            + formatName
                            + ": unknown; the formats are csr, compact"));
    SavedRun run = SavedRun.open(runDir);
    Path target = out != null ? out : runDir.resolve(format.name());
    EngineSetup.pytorchOffline();
    try (NDManager manager = NDManager.newBaseManager()) {
      Network net = ModelStore.load(run.dir(), manager);
      if (format == Format.compact) {
        return compact(run, net, target, manager);
      }
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

  private Integer compact(SavedRun run, Network net, Path target, NDManager manager)
      throws Exception {
    CompactedNetwork c;
    try {
      c = NetworkCompactor.compact(net, ModelZoo.load(), manager);
    } catch (IllegalArgumentException e) {
      throw new UserInputException(runDir + ": cannot compact: " + e.getMessage());
    }
    double diff = maxLogitDifference(net, c.network(), manager);
    CompactExport.write(c, run.runId(), diff, target);
    System.out.printf(
        Locale.ROOT,
        "%s: compacted %s%s; parameters %,d -> %,d; largest logit difference %.3g on %d random"
            + " inputs -> %s%n",
        run.runId(),
        c.describeWidths(),
        c.acrossFlatten() ? " (" + c.convolution() + " across the flatten)" : "",
        parameters(net),
        parameters(c.network()),
        diff,
        CHECK_INPUTS,
        target.resolve(CompactExport.MANIFEST));
    return 0;
  }

  static final int CHECK_INPUTS = 64;

  /** Largest |logit| difference of two networks on the same random inputs in [0, 1). */
  static double maxLogitDifference(Network a, Network b, NDManager manager) {
    try (NDManager m = manager.newSubManager()) {
      Shape s = a.input().batchShape();
      NDArray x = m.randomUniform(0, 1, new Shape(CHECK_INPUTS, s.get(1), s.get(2), s.get(3)));
      float[] la = a.logits(x).toFloatArray();
      float[] lb = b.logits(x).toFloatArray();
      double max = 0;
      for (int i = 0; i < la.length; i++) {
        max = Math.max(max, Math.abs(la[i] - lb[i]));
      }
      return max;
    }
  }

  static long parameters(Network net) {
    return net.catalog().all().stream().mapToLong(p -> p.array().size()).sum();
  }
}
