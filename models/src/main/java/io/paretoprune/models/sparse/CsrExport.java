package io.paretoprune.models.sparse;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDManager;
import ai.djl.nn.Block;
import ai.djl.nn.core.Linear;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.Locale;
import java.util.Map;

/**
 * Writes a pruned network for use outside DJL: the dense head in CSR ({@code head.json}, readable
 * by any JSON parser, e.g. into {@code scipy.sparse.csr_matrix((values, columns, rowPointers))})
 * and the blocks before it as DJL parameters ({@code features.params}, each block's {@link
 * Block#saveParameters} in forward order). The layout is in docs/results-format.md.
 */
public final class CsrExport {
  public static final String HEAD = "head.json";
  public static final String FEATURES = "features.params";

  /** The layout this code writes. */
  public static final int FORMAT = 1;

  private static final ObjectMapper JSON = new ObjectMapper();

  private CsrExport() {}

  /** Writes {@code head.json} and {@code features.params} into {@code dir} (created if absent). */
  public static void write(SparseNetwork sparse, Path dir) throws IOException {
    Files.createDirectories(dir);
    try (DataOutputStream out =
        new DataOutputStream(
            new BufferedOutputStream(Files.newOutputStream(dir.resolve(FEATURES))))) {
      for (Block b : sparse.featureBlocks()) {
        b.saveParameters(out);
      }
    }
    JSON.writeValue(dir.resolve(HEAD).toFile(), head(sparse));
  }

  private static ObjectNode head(SparseNetwork sparse) {
    ObjectNode root = JSON.createObjectNode();
    root.put("format", FORMAT);
    root.put("model", sparse.network().model());
    root.set("input", JSON.valueToTree(sparse.network().input()));
    ArrayNode features = root.putArray("featureBlocks");
    sparse.featureBlocks().forEach(b -> features.add(SparseNetwork.describe(b)));
    root.put("inputs", sparse.head().inputs());
    root.put("outputs", sparse.head().outputs());
    root.put("nnz", sparse.head().nnz());
    ArrayNode steps = root.putArray("steps");
    Iterator<Map.Entry<String, CsrMatrix>> kernels = sparse.head().matrices().entrySet().iterator();
    for (Block b : sparse.headBlocks()) {
      ObjectNode step = steps.addObject();
      if (b instanceof Linear linear) {
        // The head's kernels are in forward order, one per dense block.
        Map.Entry<String, CsrMatrix> k = kernels.next();
        CsrMatrix m = k.getValue();
        step.put("type", "dense");
        step.put("name", k.getKey());
        step.put("rows", m.rows());
        step.put("cols", m.cols());
        step.put("nnz", m.nnz());
        step.set("rowPointers", JSON.valueToTree(m.rowPointers()));
        step.set("columns", JSON.valueToTree(m.columns()));
        step.set("values", JSON.valueToTree(m.values()));
        var bias = linear.getParameters().get("bias");
        step.set(
            "bias",
            JSON.valueToTree(bias == null ? new float[m.rows()] : bias.getArray().toFloatArray()));
      } else {
        HeadActivation a = HeadActivation.of(b).orElseThrow();
        step.put("type", a.name().toLowerCase(Locale.ROOT));
      }
    }
    return root;
  }

  /**
   * Loads {@code features.params} into the feature blocks of {@code target} (a network of the same
   * model and input), so its DJL part computes what the exported one did.
   */
  public static void readFeatures(SparseNetwork target, Path dir, NDManager manager)
      throws IOException, MalformedModelException {
    try (DataInputStream in =
        new DataInputStream(new BufferedInputStream(Files.newInputStream(dir.resolve(FEATURES))))) {
      for (Block b : target.featureBlocks()) {
        b.loadParameters(manager, in);
      }
    }
  }
}
