package io.paretoprune.models.sparse;

import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.param.ParameterRef;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The dense layers at the end of a network, run in plain Java on CSR kernels: per dense layer
 * {@code h <- K h + b} with {@code K} sparse, then the element-wise steps that follow it (ReLU,
 * tanh, sigmoid; dropout is the identity at inference).
 *
 * <p>Batches run feature-major inside ({@link CsrMatrix#multiplyFeatureMajor}); one example runs as
 * a plain sparse mat-vec. Inputs and outputs are row-major, one example per row.
 */
public final class SparseDenseHead {
  private sealed interface Step permits Dense, Elementwise {}

  private record Dense(String name, CsrMatrix kernel, float[] bias) implements Step {}

  private record Elementwise(HeadActivation activation) implements Step {}

  private final List<Step> steps;
  private final Map<String, CsrMatrix> matrices;
  private final int inputs;
  private final int outputs;

  private SparseDenseHead(List<Step> steps) {
    this.steps = List.copyOf(steps);
    Map<String, CsrMatrix> m = new LinkedHashMap<>();
    int first = -1;
    int last = -1;
    for (Step s : steps) {
      if (s instanceof Dense d) {
        m.put(d.name(), d.kernel());
        first = first < 0 ? d.kernel().cols() : first;
        last = d.kernel().rows();
      }
    }
    this.matrices = Collections.unmodifiableMap(m);
    this.inputs = first;
    this.outputs = last;
  }

  /**
   * Exports {@code blocks}, which must start with a {@link Linear} and hold only dense layers and
   * the element-wise steps {@link HeadActivation} knows. Layer names come from {@code catalog}.
   *
   * @throws IllegalArgumentException naming the first block it cannot run
   */
  static SparseDenseHead of(List<Block> blocks, ParameterCatalog catalog) {
    if (blocks.isEmpty() || !(blocks.get(0) instanceof Linear)) {
      throw new IllegalArgumentException("a sparse dense head must start with a dense layer");
    }
    List<Step> steps = new ArrayList<>();
    for (Block b : blocks) {
      if (b instanceof Linear linear) {
        Parameter weight = linear.getParameters().get("weight");
        Parameter bias = linear.getParameters().get("bias");
        CsrMatrix kernel = CsrMatrix.fromKernel(weight.getArray());
        float[] b0 = bias == null ? new float[kernel.rows()] : bias.getArray().toFloatArray();
        steps.add(new Dense(layerName(catalog, weight), kernel, b0));
      } else {
        HeadActivation a =
            HeadActivation.of(b)
                .orElseThrow(
                    () ->
                        new IllegalArgumentException(
                            "cannot run block " + SparseNetwork.describe(b) + " sparsely"));
        steps.add(new Elementwise(a));
      }
    }
    return new SparseDenseHead(steps);
  }

  private static String layerName(ParameterCatalog catalog, Parameter weight) {
    for (ParameterRef p : catalog.all()) {
      if (p.parameter() == weight) {
        return p.layer();
      }
    }
    throw new IllegalArgumentException("dense kernel " + weight.getId() + " is not in the catalog");
  }

  /** Features each example feeds in. */
  public int inputs() {
    return inputs;
  }

  /** Values each example gets out (the logits). */
  public int outputs() {
    return outputs;
  }

  /** The CSR kernels by layer name ({@code dense1}, ...), in forward order. */
  public Map<String, CsrMatrix> matrices() {
    return matrices;
  }

  /** Stored nonzeros over all kernels. */
  public long nnz() {
    return matrices.values().stream().mapToLong(CsrMatrix::nnz).sum();
  }

  /**
   * Runs the head on {@code batch} examples.
   *
   * @param x row-major {@code [batch, inputs()]}
   * @return row-major {@code [batch, outputs()]}
   */
  public float[] forward(float[] x, int batch) {
    if (batch < 1 || x.length != (long) batch * inputs) {
      throw new IllegalArgumentException(
          "expected " + batch + " x " + inputs + " inputs, got " + x.length + " values");
    }
    float[] h = batch == 1 ? x : transpose(x, batch, inputs);
    for (Step s : steps) {
      if (s instanceof Dense d) {
        int rows = d.kernel().rows();
        float[] y = new float[rows * batch];
        if (batch == 1) {
          d.kernel().multiply(h, y);
        } else {
          d.kernel().multiplyFeatureMajor(h, batch, y);
        }
        for (int r = 0; r < rows; r++) {
          float bias = d.bias()[r];
          for (int b = r * batch, end = b + batch; b < end; b++) {
            y[b] += bias;
          }
        }
        h = y;
      } else if (s instanceof Elementwise e) {
        e.activation().applyInPlace(h);
      }
    }
    return batch == 1 ? h : transpose(h, outputs, batch);
  }

  /** The {@code cols x rows} transpose of a row-major {@code rows x cols} matrix. */
  private static float[] transpose(float[] a, int rows, int cols) {
    float[] t = new float[a.length];
    for (int r = 0; r < rows; r++) {
      for (int c = 0; c < cols; c++) {
        t[c * rows + r] = a[r * cols + c];
      }
    }
    return t;
  }
}
