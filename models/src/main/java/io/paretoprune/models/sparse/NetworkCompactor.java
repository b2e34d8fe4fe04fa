package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.Parameter;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.recurrent.LSTM;
import ai.djl.nn.recurrent.RecurrentBlock;
import ai.djl.training.ParameterStore;
import ai.djl.util.Pair;
import io.paretoprune.core.param.ParameterRef;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.nets.ClippedRelu;
import io.paretoprune.models.nets.SelfCheckingLstm;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * Removes the units of a pruned network that can no longer change its output, giving a smaller
 * dense network that computes the same function (up to float rounding of the folded biases).
 *
 * <p>A hidden dense unit goes when its outgoing weights are all zero (nothing reads it), or when
 * its incoming weights are all zero: then its activation is the constant {@code act(bias)}, which
 * is added, times its outgoing weights, to the next layer's bias. The same holds across the flatten
 * after the last convolution: an output channel of that convolution goes when none of its flattened
 * positions has a nonzero weight into the first dense layer, or when its kernel is all zero (its
 * constant map, pooled as the network pools it, is folded into the first dense bias). Removing a
 * unit can make others removable, so the rules run to a fixed point. Each layer keeps at least one
 * unit so that every shape stays valid.
 *
 * <p>A network with an LSTM between its dense layers (DeepSpeech's {@code dense1..dense3}, {@code
 * lstm1}, {@code dense4}, {@code dense5}) compacts every dense layer that another dense layer or
 * the LSTM reads, by the same rules through its activation (ReLU, clipped ReLU {@code min(max(x,
 * 0), clip)}, tanh, sigmoid; dropout is the identity at inference). The LSTM's input-to-hidden
 * matrix plays the next layer's kernel: in DJL's PyTorch engine the LSTM's parameters are {@code
 * l_0_i2h_WEIGHT} {@code [4 x cells, inputs]}, {@code l_0_h2h_WEIGHT}, {@code l_0_i2h_BIAS} and
 * {@code l_0_h2h_BIAS} (each {@code [4 x cells]}, the gates in PyTorch's order i, f, g, o), handed
 * to {@code torch::lstm} as {@code w_ih, w_hh, b_ih, b_hh}. A unit of the layer before the LSTM
 * whose column of {@code W_ih} is zero goes; one whose incoming weights are zero is the constant
 * {@code c = act(bias)}, added as {@code b_ih += W_ih[:, j] c} over all four gates before its
 * column goes. The LSTM keeps its cells, and the dense layer after it its inputs.
 *
 * <p>Written by hand: DJL has no model surgery, and NNI's {@code ModelSpeedup} (the anchor) is
 * PyTorch-only. The result is rebuilt through the zoo with the new widths ({@link
 * CompactNetworks}).
 */
public final class NetworkCompactor {
  private NetworkCompactor() {}

  /**
   * A dense layer as rows of its {@code [out, in]} kernel, with its bias (zeros when it has none);
   * also an LSTM's input-to-hidden matrix {@code [4 x cells, in]} with {@code b_ih}.
   */
  private static final class DenseLayer {
    final String name;
    final String weightParameter;
    final String biasParameter;
    final List<float[]> rows = new ArrayList<>();
    final List<Float> bias = new ArrayList<>();

    /** Whether the layer adds its bias: only then can a constant input be folded into it. */
    final boolean hasBias;

    int in;

    DenseLayer(
        String name,
        String weightParameter,
        String biasParameter,
        float[] kernel,
        float[] b,
        int out,
        int in) {
      this.name = name;
      this.weightParameter = weightParameter;
      this.biasParameter = biasParameter;
      this.in = in;
      this.hasBias = b != null;
      for (int r = 0; r < out; r++) {
        float[] row = new float[in];
        System.arraycopy(kernel, r * in, row, 0, in);
        rows.add(row);
        bias.add(b == null ? 0f : b[r]);
      }
    }

    int out() {
      return rows.size();
    }

    boolean columnZero(int c) {
      for (float[] row : rows) {
        if (row[c] != 0f) {
          return false;
        }
      }
      return true;
    }

    void removeColumns(int from, int count) {
      for (int r = 0; r < rows.size(); r++) {
        float[] row = rows.get(r);
        float[] smaller = new float[row.length - count];
        System.arraycopy(row, 0, smaller, 0, from);
        System.arraycopy(row, from + count, smaller, from, row.length - from - count);
        rows.set(r, smaller);
      }
      in -= count;
    }

    float[] kernel() {
      float[] k = new float[out() * in];
      for (int r = 0; r < out(); r++) {
        System.arraycopy(rows.get(r), 0, k, r * in, in);
      }
      return k;
    }

    void putValues(Map<String, float[]> values) {
      values.put(weightParameter, kernel());
      if (hasBias) {
        values.put(biasParameter, biasArray());
      }
    }

    float[] biasArray() {
      float[] b = new float[bias.size()];
      for (int i = 0; i < b.length; i++) {
        b[i] = bias.get(i);
      }
      return b;
    }
  }

  /** The last convolution's output channels, each its flattened kernel slice and bias. */
  private static final class ConvChannels {
    final String name;
    final long[] kernelTail;
    final List<float[]> kernels = new ArrayList<>();
    final List<Float> bias = new ArrayList<>();
    final List<Integer> original = new ArrayList<>();
    final int positions;

    ConvChannels(String name, long[] shape, float[] kernel, float[] b, int positions) {
      this.name = name;
      this.kernelTail = java.util.Arrays.copyOfRange(shape, 1, shape.length);
      int per = kernel.length / (int) shape[0];
      for (int c = 0; c < shape[0]; c++) {
        float[] k = new float[per];
        System.arraycopy(kernel, c * per, k, 0, per);
        kernels.add(k);
        bias.add(b == null ? 0f : b[c]);
        original.add(c);
      }
      this.positions = positions;
    }
  }

  /**
   * Compacts {@code net}, a flat {@link SequentialBlock} that ends in dense layers. The result's
   * block is built by {@code zoo} from the same model and settings with the new widths.
   *
   * @throws IllegalArgumentException when the network does not end in dense layers
   */
  public static CompactedNetwork compact(Network net, ModelZoo zoo, NDManager manager) {
    if (recurrent(net)) {
      return compactAroundRecurrent(net, zoo, manager);
    }
    SparseNetwork split = SparseNetwork.of(net);
    List<Block> head = split.headBlocks();
    List<DenseLayer> dense = new ArrayList<>();
    List<List<Activation>> after = new ArrayList<>();
    Map<String, Integer> before = new LinkedHashMap<>();
    for (Block b : head) {
      if (b instanceof Linear linear) {
        DenseLayer d = denseLayer(net, linear);
        dense.add(d);
        before.put(d.name, d.out());
        after.add(new ArrayList<>());
      } else {
        after.get(after.size() - 1).add(activation(b).orElseThrow());
      }
    }
    ConvChannels conv = lastConv(net, split, dense.get(0).in);
    if (conv != null) {
      before.put(conv.name, conv.kernels.size());
    }
    ConstantChannel constant = conv == null ? null : new ConstantChannel(net, split, manager);
    int removed = 0;
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i + 1 < dense.size(); i++) {
        int n = removeHiddenUnits(dense.get(i), after.get(i), List.of(dense.get(i + 1)));
        removed += n;
        changed |= n > 0;
      }
      if (conv != null) {
        int n = removeChannels(conv, constant, dense.get(0));
        removed += n;
        changed |= n > 0;
      }
    }
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (String layer : before.keySet()) {
      if (conv != null && layer.equals(conv.name)) {
        widths.put(layer, conv.kernels.size());
      } else {
        widths.put(layer, dense.stream().filter(d -> d.name.equals(layer)).findFirst().get().out());
      }
    }
    Network smaller = CompactNetworks.build(zoo, net, widths, manager);
    Map<String, float[]> values = new LinkedHashMap<>();
    for (DenseLayer d : dense) {
      d.putValues(values);
    }
    if (conv != null) {
      int per = conv.kernels.get(0).length;
      float[] k = new float[conv.kernels.size() * per];
      float[] b = new float[conv.kernels.size()];
      for (int c = 0; c < b.length; c++) {
        System.arraycopy(conv.kernels.get(c), 0, k, c * per, per);
        b[c] = conv.bias.get(c);
      }
      values.put(conv.name + ".weight", k);
      values.put(conv.name + ".bias", b);
    }
    fill(smaller, net, values);
    return new CompactedNetwork(
        smaller, before, widths, removed, conv == null ? "" : conv.name, conv != null);
  }

  /**
   * Compacts a flat network with a recurrent layer among its dense layers: every dense layer read
   * by the next dense layer of its run, or by the LSTM right after it, loses its dead units; the
   * LSTM keeps its cells.
   */
  private static CompactedNetwork compactAroundRecurrent(
      Network net, ModelZoo zoo, NDManager manager) {
    if (!(net.block() instanceof SequentialBlock)) {
      throw new IllegalArgumentException(
          "model '" + net.model() + "' is not a flat SequentialBlock and cannot be compacted");
    }
    List<DenseLayer> dense = new ArrayList<>();
    List<List<Activation>> after = new ArrayList<>();
    List<List<DenseLayer>> readers = new ArrayList<>();
    List<DenseLayer> recurrentInputs = new ArrayList<>();
    Map<String, Integer> before = new LinkedHashMap<>();
    boolean open = false; // the last block that is not element-wise is a dense layer
    for (Block b : children(net.block())) {
      Optional<Activation> act = activation(b);
      if (b instanceof Linear linear) {
        DenseLayer d = denseLayer(net, linear);
        if (open) {
          readers.get(readers.size() - 1).add(d);
        }
        dense.add(d);
        after.add(new ArrayList<>());
        readers.add(new ArrayList<>());
        before.put(d.name, d.out());
        open = true;
      } else if (open && act.isPresent()) {
        after.get(after.size() - 1).add(act.get());
      } else if (open && SelfCheckingLstm.lstmOf(b).isPresent()) {
        List<DenseLayer> in = lstmInputs(net, SelfCheckingLstm.lstmOf(b).get());
        readers.get(readers.size() - 1).addAll(in);
        recurrentInputs.addAll(in);
        open = false;
      } else {
        open = false;
      }
    }
    if (dense.isEmpty()) {
      throw new IllegalArgumentException("model '" + net.model() + "' has no dense layer");
    }
    int removed = 0;
    for (boolean changed = true; changed; ) {
      changed = false;
      for (int i = 0; i < dense.size(); i++) {
        if (!readers.get(i).isEmpty()) {
          int n = removeHiddenUnits(dense.get(i), after.get(i), readers.get(i));
          removed += n;
          changed |= n > 0;
        }
      }
    }
    Map<String, Integer> widths = new LinkedHashMap<>();
    for (DenseLayer d : dense) {
      widths.put(d.name, d.out());
    }
    Network smaller = CompactNetworks.build(zoo, net, widths, manager);
    Map<String, float[]> values = new LinkedHashMap<>();
    for (DenseLayer d : dense) {
      d.putValues(values);
    }
    for (DenseLayer d : recurrentInputs) {
      d.putValues(values);
    }
    fill(smaller, net, values);
    return new CompactedNetwork(smaller, before, widths, removed, "", false);
  }

  /**
   * The input-to-hidden matrices of {@code lstm}'s first layer (one per direction) as the dense
   * layers that read its input, with their biases {@code b_ih}.
   */
  private static List<DenseLayer> lstmInputs(Network net, LSTM lstm) {
    List<DenseLayer> out = new ArrayList<>();
    boolean biased = hasBiases(lstm);
    for (String direction : new String[] {"l", "r"}) {
      Parameter w = lstm.getParameters().get(direction + "_0_i2h_WEIGHT");
      if (w == null) {
        continue;
      }
      Parameter b = biased ? lstm.getParameters().get(direction + "_0_i2h_BIAS") : null;
      String layer = layerName(net, w.getArray());
      long[] shape = w.getArray().getShape().getShape();
      out.add(
          new DenseLayer(
              layer,
              layer + "." + w.getName(),
              b == null ? null : layer + "." + b.getName(),
              w.getArray().toFloatArray(),
              b == null ? null : b.getArray().toFloatArray(),
              (int) shape[0],
              (int) shape[1]));
    }
    if (out.isEmpty()) {
      throw new IllegalArgumentException(
          "the LSTM has no parameter l_0_i2h_WEIGHT; its parameters are "
              + lstm.getParameters().keys());
    }
    return out;
  }

  /**
   * Whether DJL's recurrent block adds its biases (its builder's {@code optHasBiases}, true unless
   * turned off; DJL keeps the flag in a protected field without a getter).
   */
  private static boolean hasBiases(RecurrentBlock block) {
    try {
      java.lang.reflect.Field f = RecurrentBlock.class.getDeclaredField("hasBiases");
      f.setAccessible(true);
      return f.getBoolean(block);
    } catch (ReflectiveOperationException | RuntimeException e) {
      return false; // unknown: fold nothing into the LSTM, remove only unread units
    }
  }

  static boolean recurrent(Network net) {
    return net.block() instanceof SequentialBlock
        && children(net.block()).stream().anyMatch(b -> SelfCheckingLstm.lstmOf(b).isPresent());
  }

  private static DenseLayer denseLayer(Network net, Linear linear) {
    NDArray weight = linear.getParameters().get("weight").getArray();
    long[] shape = weight.getShape().getShape();
    var bias = linear.getParameters().get("bias");
    String name = layerName(net, weight);
    return new DenseLayer(
        name,
        name + ".weight",
        bias == null ? null : name + ".bias",
        weight.toFloatArray(),
        bias == null ? null : bias.getArray().toFloatArray(),
        (int) shape[0],
        (int) shape[1]);
  }

  /** A unit's activation after its dense layer, on one value. */
  private interface Activation {
    float apply(float x);
  }

  /**
   * The element-wise step {@code b} performs, as the network computes it at inference: {@link
   * HeadActivation}'s (ReLU, tanh, sigmoid, dropout) and DeepSpeech's clipped ReLU.
   */
  private static Optional<Activation> activation(Block b) {
    if (b instanceof ClippedRelu c) {
      float clip = c.clip();
      return Optional.of(x -> Math.min(Math.max(x, 0f), clip));
    }
    return HeadActivation.of(b).<Activation>map(h -> h::apply);
  }

  /** Sets every parameter of {@code smaller}: from {@code values}, else copied from {@code net}. */
  private static void fill(Network smaller, Network net, Map<String, float[]> values) {
    for (ParameterRef p : smaller.catalog().all()) {
      float[] v = values.get(p.name());
      if (v == null) {
        v = net.catalog().get(p.name()).array().toFloatArray();
      }
      if (v.length != p.array().size()) {
        throw new IllegalStateException(
            p.name() + ": " + v.length + " values for shape " + p.array().getShape());
      }
      p.array().set(v);
    }
  }

  /**
   * Removes dead units of hidden layer {@code layer}, whose outputs {@code readers} read (the next
   * dense layer, or the LSTM's input-to-hidden matrices); returns how many went. A unit goes when
   * no reader has a nonzero weight from it, or when its incoming weights are all zero and every
   * reader has a bias to fold its constant activation into.
   */
  private static int removeHiddenUnits(
      DenseLayer layer, List<Activation> activation, List<DenseLayer> readers) {
    int removed = 0;
    boolean foldable = readers.stream().allMatch(r -> r.hasBias);
    for (int j = layer.out() - 1; j >= 0 && layer.out() > 1; j--) {
      final int unit = j;
      boolean unread = readers.stream().allMatch(r -> r.columnZero(unit));
      boolean constant = foldable && allZero(layer.rows.get(j));
      if (!unread && !constant) {
        continue;
      }
      if (!unread) {
        float a = activate(activation, layer.bias.get(j));
        for (DenseLayer next : readers) {
          for (int r = 0; r < next.out(); r++) {
            next.bias.set(r, next.bias.get(r) + next.rows.get(r)[j] * a);
          }
        }
      }
      layer.rows.remove(j);
      layer.bias.remove(j);
      for (DenseLayer next : readers) {
        next.removeColumns(j, 1);
      }
      removed++;
    }
    return removed;
  }

  private static int removeChannels(ConvChannels conv, ConstantChannel constant, DenseLayer first) {
    int removed = 0;
    int p = conv.positions;
    for (int c = conv.kernels.size() - 1; c >= 0 && conv.kernels.size() > 1; c--) {
      boolean unread = true;
      for (int q = c * p; q < (c + 1) * p && unread; q++) {
        unread = first.columnZero(q);
      }
      boolean flat = allZero(conv.kernels.get(c));
      if (!unread && !flat) {
        continue;
      }
      if (!unread) {
        float[] f = constant.features(conv.original.get(c), conv.bias.get(c));
        for (int r = 0; r < first.out(); r++) {
          float[] row = first.rows.get(r);
          float add = 0f;
          for (int q = 0; q < p; q++) {
            add += row[c * p + q] * f[q];
          }
          first.bias.set(r, first.bias.get(r) + add);
        }
      }
      conv.kernels.remove(c);
      conv.bias.remove(c);
      conv.original.remove(c);
      first.removeColumns(c * p, p);
      removed++;
    }
    return removed;
  }

  /**
   * The flattened map a channel of constant value gives after the blocks between the last
   * convolution and the head, computed by running those blocks (so pooling with padding is exact).
   */
  private static final class ConstantChannel {
    private final List<Block> chain;
    private final Shape convOut;
    private final NDManager manager;

    ConstantChannel(Network net, SparseNetwork split, NDManager manager) {
      List<Block> features = split.featureBlocks();
      int last = lastConvIndex(features);
      this.chain = features.subList(last + 1, features.size());
      this.manager = manager;
      try (NDManager m = manager.newSubManager()) {
        NDList h = new NDList(m.zeros(net.input().batchShape()));
        ParameterStore store = new ParameterStore(m, false);
        for (Block b : features.subList(0, last + 1)) {
          h = b.forward(store, h, false);
        }
        this.convOut = h.singletonOrThrow().getShape();
      }
    }

    float[] features(int channel, float value) {
      try (NDManager m = manager.newSubManager()) {
        long per = convOut.get(2) * convOut.get(3);
        float[] map = new float[(int) (convOut.get(1) * per)];
        java.util.Arrays.fill(map, (int) (channel * per), (int) ((channel + 1) * per), value);
        NDList h = new NDList(m.create(map, convOut));
        ParameterStore store = new ParameterStore(m, false);
        for (Block b : chain) {
          h = b.forward(store, h, false);
        }
        float[] flat = h.singletonOrThrow().toFloatArray();
        int p = flat.length / (int) convOut.get(1);
        float[] out = new float[p];
        System.arraycopy(flat, channel * p, out, 0, p);
        return out;
      }
    }
  }

  /**
   * The last convolution when the blocks between it and the head only act per channel (activations,
   * pooling) and end in one flatten; otherwise null (only the dense layers compact).
   */
  private static ConvChannels lastConv(Network net, SparseNetwork split, int headInputs) {
    List<Block> features = split.featureBlocks();
    int last = lastConvIndex(features);
    if (last < 0 || !(features.get(last) instanceof Conv2d conv) || conv.getGroups() != 1) {
      return null;
    }
    List<Block> chain = features.subList(last + 1, features.size());
    if (chain.isEmpty() || !isFlatten(chain.get(chain.size() - 1))) {
      return null;
    }
    for (Block b : chain.subList(0, chain.size() - 1)) {
      if (!perChannel(b)) {
        return null;
      }
    }
    NDArray kernel = conv.getParameters().get("weight").getArray();
    long channels = kernel.getShape().get(0);
    if (headInputs % channels != 0) {
      return null;
    }
    var bias = conv.getParameters().get("bias");
    return new ConvChannels(
        layerName(net, kernel),
        kernel.getShape().getShape(),
        kernel.toFloatArray(),
        bias == null ? null : bias.getArray().toFloatArray(),
        (int) (headInputs / channels));
  }

  private static int lastConvIndex(List<Block> features) {
    for (int i = features.size() - 1; i >= 0; i--) {
      if (features.get(i) instanceof ai.djl.nn.convolutional.Convolution) {
        return i;
      }
    }
    return -1;
  }

  static boolean isFlatten(Block b) {
    return b instanceof LambdaBlock l && l.getName().equals("batchFlatten");
  }

  /**
   * DJL's activation and pooling lambdas (named e.g. ReLU, avgPool2d, maxPool2d, globalAvgPool2d).
   */
  private static boolean perChannel(Block b) {
    if (HeadActivation.of(b).isPresent()) {
      return true;
    }
    return b instanceof LambdaBlock l && l.getName().toLowerCase(Locale.ROOT).contains("pool");
  }

  private static boolean allZero(float[] a) {
    for (float v : a) {
      if (v != 0f) {
        return false;
      }
    }
    return true;
  }

  private static float activate(List<Activation> steps, float x) {
    float a = x;
    for (Activation s : steps) {
      a = s.apply(a);
    }
    return a;
  }

  private static String layerName(Network net, NDArray array) {
    for (ParameterRef p : net.catalog().all()) {
      if (p.array() == array) {
        return p.layer();
      }
    }
    throw new IllegalArgumentException("parameter " + array.getShape() + " is not in the catalog");
  }

  /** The children of a flat sequential block. */
  static List<Block> children(Block block) {
    return ((SequentialBlock) block).getChildren().stream().map(Pair::getValue).toList();
  }
}
