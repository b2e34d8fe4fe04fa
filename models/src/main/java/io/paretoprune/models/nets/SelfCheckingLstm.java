package io.paretoprune.models.nets;

import ai.djl.MalformedModelException;
import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.AbstractBlock;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.training.ParameterStore;
import ai.djl.util.PairList;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * A one-layer, unidirectional, batch-first LSTM (DeepSpeech's layer 4) that runs DJL's fused LSTM
 * only where it has checked it: the first forward of each input size (batch, features, cells,
 * training or not) in a JVM also computes the LSTM of the block's parameters written out in DJL's
 * elementary operations, without gradient, and compares. Where the two agree the fused LSTM serves
 * that size from then on; where they do not, one line on standard error says so and the written-out
 * recurrence, with autograd's exact gradient, serves it instead.
 *
 * <p>Why: DJL's LSTM runs PyTorch's fused CPU LSTM (oneDNN's RNN primitive), which on one CI host
 * of this kind (2026-12-03, where NNPACK reported unsupported hardware) returned outputs that were
 * not the LSTM of its parameters at 4-16 cells, and never on the development machines under any
 * oneDNN ISA cap or thread count tried; DJL offers no switch to turn oneDNN off. The written-out
 * recurrence is 1.3-1.7x the fused one's training step and 2-3x its inference (BENCHMARKS.md, "The
 * self-checking LSTM"), so it is the fallback, not the rule. The check covers the forward pass on
 * the first input of a size; the gradients of the fused LSTM are compared with the written-out ones
 * by the tests ({@code SelfCheckingLstmTest}), not at run time.
 *
 * <p>The DJL LSTM is the child that owns the parameters, so parameter names ({@code
 * lstm1.l_0_i2h_WEIGHT}, ...), selectors ({@code lstm.kernel}) and saved bytes are the plain DJL
 * LSTM's: models saved with either block load into the other.
 */
public final class SelfCheckingLstm extends AbstractBlock {
  /** Outputs within {@code ABS + REL * |unrolled|} agree (float32 sums of a few hundred terms). */
  private static final double ABS = 1e-4;

  private static final double REL = 1e-3;

  /** The verdicts of this JVM: input size -> whether the fused LSTM agreed there. */
  private static final Map<String, Boolean> SHARED_VERDICTS = new ConcurrentHashMap<>();

  /** The fused forward; a seam so that the tests can hand it a wrong one. */
  interface FusedForward {
    NDList forward(LSTM cells, ParameterStore store, NDList inputs, boolean training);
  }

  private final LSTM cells;
  private final int stateSize;
  private final FusedForward fused;
  private final Map<String, Boolean> verdicts;

  public SelfCheckingLstm(int stateSize) {
    this(stateSize, (c, s, in, t) -> c.forward(s, in, t), SHARED_VERDICTS);
  }

  SelfCheckingLstm(int stateSize, FusedForward fused, Map<String, Boolean> verdicts) {
    this.stateSize = stateSize;
    this.fused = fused;
    this.verdicts = verdicts;
    this.cells =
        addChildBlock(
            "lstm",
            LSTM.builder()
                .setStateSize(stateSize)
                .setNumLayers(1)
                .optBatchFirst(true)
                .optReturnState(false)
                .build());
  }

  /** The DJL LSTM that owns the parameters ({@code l_0_i2h_WEIGHT [4H, F]}, ...). */
  public LSTM cells() {
    return cells;
  }

  /** The DJL LSTM of {@code block}: the block itself, or a self-checking LSTM's cells. */
  public static Optional<LSTM> lstmOf(Block block) {
    if (block instanceof LSTM lstm) {
      return Optional.of(lstm);
    }
    if (block instanceof SelfCheckingLstm checked) {
      return Optional.of(checked.cells);
    }
    return Optional.empty();
  }

  /** Whether the fused LSTM served the input size of {@code x} (null: not yet checked). */
  Boolean fusedAgreed(Shape x, boolean training) {
    return verdicts.get(key(x, training));
  }

  private String key(Shape x, boolean training) {
    return "batch "
        + x.get(0)
        + ", features "
        + x.get(2)
        + ", cells "
        + stateSize
        + (training ? ", training" : ", inference");
  }

  @Override
  protected NDList forwardInternal(
      ParameterStore store, NDList inputs, boolean training, PairList<String, Object> params) {
    NDArray x = inputs.singletonOrThrow();
    if (x.getShape().dimension() != 3) {
      throw new IllegalArgumentException(
          "an LSTM expects [batch, frames, features], got " + x.getShape());
    }
    String key = key(x.getShape(), training);
    Boolean agreed = verdicts.get(key);
    if (agreed == null) {
      NDList out = fused.forward(cells, store, inputs, training);
      String disagreement;
      // The check's arrays (a few per frame) live in a manager of their own, closed at once.
      try (NDManager check = x.getManager().newSubManager()) {
        NDArray detached = x.stopGradient();
        detached.attach(check);
        disagreement =
            disagreement(out.singletonOrThrow(), unrolled(store, detached, training, true));
      }
      verdicts.put(key, disagreement == null);
      if (disagreement == null) {
        return out;
      }
      System.err.println(
          "paretoprune: DJL's fused LSTM is not the LSTM of its parameters on this host at "
              + key
              + " ("
              + disagreement
              + "); that size runs the written-out LSTM (slower, exact)");
      return new NDList(unrolled(store, x, training, false));
    }
    return agreed
        ? fused.forward(cells, store, inputs, training)
        : new NDList(unrolled(store, x, training, false));
  }

  private static String disagreement(NDArray fusedOut, NDArray reference) {
    if (!fusedOut.getShape().equals(reference.getShape())) {
      return "shape " + fusedOut.getShape() + ", expected " + reference.getShape();
    }
    float[] a = fusedOut.toFloatArray();
    float[] b = reference.toFloatArray();
    for (int i = 0; i < a.length; i++) {
      if (!(Math.abs(a[i] - b[i]) <= ABS + REL * Math.abs(b[i]))) {
        return "output " + i + " of " + a.length + " is " + a[i] + ", expected " + b[i];
      }
    }
    return null;
  }

  /**
   * The recurrence in DJL's elementary operations, from zero states: one matrix product for every
   * frame's input, then per frame {@code z = x W_ih^T + b_ih + b_hh + h W_hh^T}, gates i, f, g, o
   * (PyTorch's order in the rows), {@code c = f c + i g}, {@code h = o tanh(c)}; the outputs h
   * stacked on the frames axis. With {@code detached} the parameters enter without gradient.
   */
  NDArray unrolled(ParameterStore store, NDArray x, boolean training, boolean detached) {
    NDArray wih = value(store, x, "l_0_i2h_WEIGHT", training, detached);
    NDArray whh = value(store, x, "l_0_h2h_WEIGHT", training, detached);
    NDArray bias =
        value(store, x, "l_0_i2h_BIAS", training, detached)
            .add(value(store, x, "l_0_h2h_BIAS", training, detached));
    long batch = x.getShape().get(0);
    int frames = (int) x.getShape().get(1);
    NDArray projected = x.matMul(wih.transpose()).add(bias);
    // One split, not a slice per frame: a slice's gradient is a zero tensor of the whole
    // projection, so a slice per frame costs a full-size write per frame in the backward pass.
    NDList perFrame = projected.split(frames, 1);
    NDArray whhT = whh.transpose();
    NDArray hidden = x.getManager().zeros(new Shape(batch, stateSize), x.getDataType());
    NDArray cell = hidden;
    NDList outputs = new NDList(frames);
    for (int t = 0; t < frames; t++) {
      NDList gates = perFrame.get(t).squeeze(1).add(hidden.matMul(whhT)).split(4, 1);
      NDArray in = Activation.sigmoid(gates.get(0));
      NDArray forget = Activation.sigmoid(gates.get(1));
      NDArray candidate = gates.get(2).tanh();
      NDArray out = Activation.sigmoid(gates.get(3));
      cell = forget.mul(cell).add(in.mul(candidate));
      hidden = out.mul(cell.tanh());
      outputs.add(hidden);
    }
    return NDArrays.stack(outputs, 1);
  }

  /** The written-out recurrence with gradient, for {@code bench lstm} to time against the fused. */
  public NDArray writtenOut(ParameterStore store, NDArray x, boolean training) {
    return unrolled(store, x, training, false);
  }

  private NDArray value(
      ParameterStore store, NDArray x, String name, boolean training, boolean detached) {
    Parameter p = cells.getParameters().get(name);
    NDArray v = store.getValue(p, x.getDevice(), training);
    if (!detached) {
      return v;
    }
    NDArray copy = v.stopGradient();
    copy.attach(x.getManager()); // freed with the input's manager, not the parameter's
    return copy;
  }

  @Override
  public Shape[] getOutputShapes(Shape[] inputShapes) {
    Shape in = inputShapes[0];
    return new Shape[] {new Shape(in.get(0), in.get(1), stateSize)};
  }

  @Override
  protected void initializeChildBlocks(NDManager manager, DataType dataType, Shape... inputShapes) {
    cells.initialize(manager, dataType, inputShapes);
  }

  /** The plain DJL LSTM's bytes, so that saved models of either block load into the other. */
  @Override
  public void saveParameters(DataOutputStream os) throws IOException {
    cells.saveParameters(os);
  }

  @Override
  public void loadParameters(NDManager manager, DataInputStream is)
      throws IOException, MalformedModelException {
    cells.loadParameters(manager, is);
  }
}
