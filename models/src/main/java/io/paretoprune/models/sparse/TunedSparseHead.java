package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.NDScope;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.core.Linear;
import ai.djl.training.ParameterStore;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.concurrent.ForkJoinPool;

/**
 * The dense head with each layer's kernel chosen by measurement: per dense layer a CSR kernel over
 * the batch ({@link CsrBatchKernel}; with several threads also split by rows) and libtorch's dense
 * GEMM ({@link DjlDenseKernel}). {@link #calibrate} times every candidate of every layer at batch
 * 1, 32 and 256 on random inputs, once, when the head is built for use; a batch runs each layer on
 * the candidate fastest at the calibrated batch size nearest to it (in log scale), unless the
 * network's own DJL head as one piece was faster there. So the crossover between sparse and dense
 * is the one this machine shows for this layer's shape and density; where the timings leave it in
 * doubt, dense ({@link KernelChoice}).
 *
 * <p>Inputs and outputs are row-major, one example per row; inside, activations are feature-major.
 */
public final class TunedSparseHead implements AutoCloseable {
  /** The batch sizes calibrated. */
  public static final int[] CALIBRATION_BATCHES = {1, 32, 256};

  /** One layer's timing at one batch size: each candidate's median milliseconds per call. */
  public record Calibration(
      String layer,
      int rows,
      int cols,
      int nnz,
      int batch,
      List<String> kernels,
      double[] millis,
      String chosen) {}

  private static final class Layer {
    final String name;
    final CsrMatrix kernel;
    final float[] bias;
    final List<DenseLayerKernel> candidates = new ArrayList<>();
    final List<HeadActivation> after = new ArrayList<>();
    final int[] chosen = new int[CALIBRATION_BATCHES.length];

    Layer(String name, CsrMatrix kernel, float[] bias) {
      this.name = name;
      this.kernel = kernel;
      this.bias = bias;
    }
  }

  private final List<Layer> layers = new ArrayList<>();
  private final List<Block> headBlocks;

  /** Per calibrated batch size: whether the whole head runs as the network's own DJL blocks. */
  private final boolean[] wholeDjl = new boolean[CALIBRATION_BATCHES.length];

  private final List<Calibration> calibration = new ArrayList<>();
  private final NDManager manager;
  private final ForkJoinPool pool;
  private final int inputs;
  private final int outputs;
  private final FusedCsrHead fused;

  private TunedSparseHead(SparseNetwork split, NDManager parent, int threads) {
    this.manager = parent.newSubManager();
    this.headBlocks = split.headBlocks();
    this.pool = threads > 1 ? new ForkJoinPool(threads) : null;
    for (Block b : split.headBlocks()) {
      if (b instanceof Linear linear) {
        Parameter weight = linear.getParameters().get("weight");
        Parameter bias = linear.getParameters().get("bias");
        float[] dense = weight.getArray().toFloatArray();
        CsrMatrix k = CsrMatrix.fromKernel(weight.getArray());
        float[] b0 = bias == null ? new float[k.rows()] : bias.getArray().toFloatArray();
        String name = "dense" + (layers.size() + 1);
        Layer layer = new Layer(name, k, b0);
        layer.candidates.add(new CsrBatchKernel(k, b0, null));
        if (pool != null) {
          layer.candidates.add(new CsrBatchKernel(k, b0, pool));
        }
        layer.candidates.add(new DjlDenseKernel(dense, k.rows(), k.cols(), b0, manager));
        layers.add(layer);
      } else {
        layers.get(layers.size() - 1).after.add(HeadActivation.of(b).orElseThrow());
      }
    }
    this.inputs = layers.get(0).kernel.cols();
    this.outputs = layers.get(layers.size() - 1).kernel.rows();
    this.fused =
        new FusedCsrHead(
            layers.stream().map(l -> l.kernel).toList(),
            layers.stream().map(l -> l.bias).toList(),
            layers.stream().map(l -> l.after).toList());
  }

  /**
   * The head of {@code split} with its candidate kernels, not yet calibrated (every layer runs CSR
   * until {@link #calibrate} or {@link #force}).
   *
   * @param threads 1, or the workers of the row-split CSR kernel (libtorch's own thread count is
   *     set on the engine)
   */
  public static TunedSparseHead of(SparseNetwork split, NDManager manager, int threads) {
    return new TunedSparseHead(split, manager, threads);
  }

  /**
   * Times candidates: {@code [candidate][round]} milliseconds per call, rounds alternating between
   * the candidates. A seam so that tests can give the choice fixed timings.
   */
  @FunctionalInterface
  interface Timer {
    double[][] samples(List<Runnable> candidates);
  }

  /** 31 alternating rounds of blocks of at least 0.2 ms ({@link InterleavedTimer#samples}). */
  static final Timer MEASURED = runs -> InterleavedTimer.samples(runs, 31, 0.2);

  /**
   * Measures every candidate of every layer at {@link #CALIBRATION_BATCHES} and chooses by {@link
   * KernelChoice} (a sparse kernel only where its median is clearly below libtorch's dense kernel's
   * and it wins most rounds); then, per batch size, times the chosen layers against the network's
   * own DJL head as one piece (no copies between layers) and keeps the layers only where they
   * clearly win by the same rule. So the head as run is dense wherever the measurements are in
   * doubt.
   */
  public TunedSparseHead calibrate() {
    return calibrate(MEASURED);
  }

  TunedSparseHead calibrate(Timer timer) {
    calibration.clear();
    java.util.Arrays.fill(wholeDjl, false);
    Random random = new Random(1);
    for (Layer layer : layers) {
      int reference = -1;
      for (int c = 0; c < layer.candidates.size(); c++) {
        if (layer.candidates.get(c) instanceof DjlDenseKernel) {
          reference = c;
        }
      }
      for (int i = 0; i < CALIBRATION_BATCHES.length; i++) {
        int batch = CALIBRATION_BATCHES[i];
        float[][] x = new float[layer.kernel.cols()][batch];
        for (float[] row : x) {
          for (int b = 0; b < batch; b++) {
            row[b] = random.nextFloat();
          }
        }
        List<Runnable> runs = new ArrayList<>();
        for (DenseLayerKernel k : layer.candidates) {
          runs.add(() -> k.apply(x, batch));
        }
        double[][] samples = timer.samples(runs);
        int best = KernelChoice.choose(samples, reference);
        layer.chosen[i] = best;
        calibration.add(
            new Calibration(
                layer.name,
                layer.kernel.rows(),
                layer.kernel.cols(),
                layer.kernel.nnz(),
                batch,
                layer.candidates.stream().map(DenseLayerKernel::name).toList(),
                KernelChoice.medians(samples),
                layer.candidates.get(best).name()));
      }
    }
    for (int i = 0; i < CALIBRATION_BATCHES.length; i++) {
      int batch = CALIBRATION_BATCHES[i];
      float[] x = new float[batch * inputs];
      for (int j = 0; j < x.length; j++) {
        x[j] = random.nextFloat();
      }
      int index = i;
      // As the head runs in a network: the features arrive in the engine; the DJL head reads them
      // there, the chosen layers pay their copy out. Timed twice, the second pass after
      // everything has run warm: the layers are kept only if they win both (a first pass once
      // timed libtorch's GEMM at 5x its later time and chose a head that then ran 2x slower).
      try (NDArray xArray = manager.create(x, new Shape(batch, inputs))) {
        List<Runnable> variants =
            List.of(
                () -> forwardLayers(xArray.toFloatArray(), batch, index), () -> forwardDjl(xArray));
        for (int pass = 0; pass < HEAD_PASSES && !wholeDjl[i]; pass++) {
          double[][] samples = timer.samples(variants);
          wholeDjl[i] = KernelChoice.choose(samples, 1) == 1;
          calibration.add(
              new Calibration(
                  "head",
                  outputs,
                  inputs,
                  layers.stream().mapToInt(l -> l.kernel.nnz()).sum(),
                  batch,
                  List.of("chosen layers", DJL_HEAD),
                  KernelChoice.medians(samples),
                  wholeDjl[i] ? DJL_HEAD : "chosen layers"));
        }
      }
    }
    return this;
  }

  /** How many times the chosen layers must beat the DJL head before they run. */
  static final int HEAD_PASSES = 2;

  /** The name of running the whole head as the network's own DJL blocks. */
  public static final String DJL_HEAD = "dense head (DJL)";

  /** Runs every layer on the candidate called {@code kernel} ({@code csr}, {@code dense}, ...). */
  public TunedSparseHead force(String kernel) {
    for (Layer layer : layers) {
      int index = -1;
      for (int c = 0; c < layer.candidates.size(); c++) {
        if (layer.candidates.get(c).name().equals(kernel)) {
          index = c;
        }
      }
      if (index < 0) {
        throw new IllegalArgumentException("no kernel '" + kernel + "' for " + layer.name);
      }
      java.util.Arrays.fill(layer.chosen, index);
    }
    java.util.Arrays.fill(wholeDjl, false);
    return this;
  }

  /** The measurements of the last {@link #calibrate}, layer by layer and batch by batch. */
  public List<Calibration> calibration() {
    return List.copyOf(calibration);
  }

  /** The kernel each layer runs at {@code batch}, e.g. {@code [csr, csr, dense]}. */
  public List<String> kernelsAt(int batch) {
    int i = nearest(batch);
    if (wholeDjl[i]) {
      return List.of(DJL_HEAD);
    }
    return layers.stream().map(l -> l.candidates.get(l.chosen[i]).name()).toList();
  }

  /** Whether {@code batch} runs on the network's own DJL head (which reads engine arrays). */
  public boolean runsInDjlAt(int batch) {
    return wholeDjl[nearest(batch)];
  }

  public int inputs() {
    return inputs;
  }

  public int outputs() {
    return outputs;
  }

  /**
   * @param x row-major {@code [batch, inputs()]}
   * @return row-major {@code [batch, outputs()]}: the logits
   */
  public float[] forward(float[] x, int batch) {
    if (batch < 1 || x.length != (long) batch * inputs) {
      throw new IllegalArgumentException(
          "expected " + batch + " x " + inputs + " inputs, got " + x.length + " values");
    }
    int i = nearest(batch);
    return wholeDjl[i] ? forwardDjl(x, batch) : forwardLayers(x, batch, i);
  }

  /**
   * The same for features still in the engine, {@code [batch, inputs()]} (what the layers before
   * the head give): the network's DJL head, where it is the choice for this batch size, reads them
   * where they are; the per-layer kernels take them as a Java array, and that copy is part of their
   * cost.
   */
  public float[] forward(NDArray x) {
    Shape s = x.getShape();
    if (s.dimension() != 2 || s.get(1) != inputs || s.get(0) < 1) {
      throw new IllegalArgumentException("expected [batch, " + inputs + "] inputs, got " + s);
    }
    int batch = (int) s.get(0);
    int i = nearest(batch);
    return wholeDjl[i] ? forwardDjl(x) : forwardLayers(x.toFloatArray(), batch, i);
  }

  private float[] forwardLayers(float[] x, int batch, int i) {
    if (batch == 1 && allCsr(i)) {
      return forwardOne(x);
    }
    float[][] h = FeatureMajor.of(x, batch, inputs);
    for (Layer layer : layers) {
      h = layer.candidates.get(layer.chosen[i]).apply(h, batch);
      for (HeadActivation a : layer.after) {
        for (float[] row : h) {
          a.applyInPlace(row);
        }
      }
    }
    return FeatureMajor.toRowMajor(h, batch);
  }

  private float[] forwardDjl(float[] x, int batch) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      return forwardDjl(manager.create(x, new Shape(batch, inputs)));
    }
  }

  private float[] forwardDjl(NDArray x) {
    try (NDScope scope = new NDScope()) {
      scope.suppressNotUsedWarning();
      ParameterStore store = new ParameterStore(x.getManager(), false);
      NDList h = new NDList(x);
      for (Block b : headBlocks) {
        h = b.forward(store, h, false);
      }
      return h.singletonOrThrow().toFloatArray();
    }
  }

  private boolean allCsr(int i) {
    for (Layer l : layers) {
      if (!(l.candidates.get(l.chosen[i]) instanceof CsrBatchKernel)) {
        return false;
      }
    }
    return true;
  }

  /** One example on plain vectors, the whole head fused ({@link FusedCsrHead}). */
  private float[] forwardOne(float[] x) {
    return fused.forward(x);
  }

  /**
   * Between neighbouring calibrated batch sizes, their geometric mean: a batch above {@code
   * BOUNDS[i]} is nearer to size {@code i + 1} in log scale. Precomputed because three logarithms
   * per call are a tenth of a sparse head's time at batch 1.
   */
  private static final double[] BOUNDS = new double[CALIBRATION_BATCHES.length - 1];

  static {
    for (int i = 0; i < BOUNDS.length; i++) {
      BOUNDS[i] = Math.sqrt((double) CALIBRATION_BATCHES[i] * CALIBRATION_BATCHES[i + 1]);
    }
  }

  /** Index of the calibrated batch size nearest to {@code batch} in log scale. */
  static int nearest(int batch) {
    int i = 0;
    while (i < BOUNDS.length && batch > BOUNDS[i]) {
      i++;
    }
    return i;
  }

  @Override
  public void close() {
    manager.close();
    if (pool != null) {
      pool.shutdown();
    }
  }
}
