package io.paretoprune.models.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDArrays;
import ai.djl.ndarray.NDList;
import ai.djl.ndarray.index.NDIndex;
import ai.djl.ndarray.types.Shape;
import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Parameter;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.core.Linear;
import ai.djl.nn.pooling.Pool;
import io.paretoprune.core.train.seam.ModelPacker;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/**
 * R copies of {@link LeNet5Factory}'s network in one forward pass: the runs' images side by side as
 * channels, both convolutions grouped by run ({@code groups = R}), ReLU and average pooling as they
 * are (per channel), and the dense layers as batched products over a leading run axis. Written by
 * hand because DJL has no vectorising map over blocks (torch.func's {@code vmap} is what this does
 * for the one model).
 */
final class LeNet5Packer implements ModelPacker {
  private static final Shape UNIT = new Shape(1, 1);
  private static final Shape NONE = new Shape(0, 0);
  private static final Shape POOL = new Shape(2, 2);

  @Override
  public PackedForward pack(Block lone, Function<Parameter, NDArray> leaves, int runs) {
    List<NDArray[]> convs = new ArrayList<>();
    List<NDArray[]> denses = new ArrayList<>();
    for (Block child : lone.getChildren().values()) {
      if (child instanceof Conv2d) {
        convs.add(weightAndBias(child, leaves));
      } else if (child instanceof Linear) {
        denses.add(weightAndBias(child, leaves));
      }
    }
    if (convs.size() != 2 || denses.size() != 3) {
      throw new IllegalArgumentException("not LeNet-5's block: 2 convolutions and 3 dense layers");
    }
    return x -> forward(x, convs, denses, runs);
  }

  private static NDArray[] weightAndBias(Block child, Function<Parameter, NDArray> leaves) {
    return new NDArray[] {
      leaves.apply(child.getParameters().get("weight")),
      leaves.apply(child.getParameters().get("bias"))
    };
  }

  /**
   * A convolution with one input channel per run, as R lone convolutions: measured here, oneDNN's
   * grouped convolution with one input channel per group computes its weight gradient on a slow
   * path (at batch 32 and R = 8 some 6x the time of the R lone convolutions).
   */
  private static NDArray perRun(NDArray h, NDArray[] conv, int runs) {
    NDList outs = new NDList(runs);
    for (int r = 0; r < runs; r++) {
      NDIndex run = new NDIndex().addAllDim().addSliceDim(r, r + 1);
      outs.add(
          Conv2d.conv2d(h.get(run), conv[0].get(r), conv[1].get(r), UNIT, NONE, UNIT, 1)
              .singletonOrThrow());
    }
    return NDArrays.concat(outs, 1);
  }

  private static NDArray forward(
      NDArray x, List<NDArray[]> convs, List<NDArray[]> denses, int runs) {
    Shape s = x.getShape(); // [R, B, C, H, W]
    long batch = s.get(1);
    // [B, R*C, H, W]: run r's channels are group r of every convolution.
    NDArray h = x.transpose(1, 0, 2, 3, 4).reshape(batch, runs * s.get(2), s.get(3), s.get(4));
    for (NDArray[] conv : convs) {
      Shape w = conv[0].getShape(); // [R, out, in, kh, kw]
      if (w.get(2) == 1 && runs > 1) {
        h = perRun(h, conv, runs);
      } else {
        NDArray kernel = conv[0].reshape(runs * w.get(1), w.get(2), w.get(3), w.get(4));
        NDArray bias = conv[1].reshape(-1);
        h = Conv2d.conv2d(h, kernel, bias, UNIT, NONE, UNIT, runs).singletonOrThrow();
      }
      h = Pool.avgPool2d(Activation.relu(h), POOL, POOL, NONE, false, true);
    }
    // [R, B, features]: each run's channels flatten as a lone batchFlatten would.
    Shape f = h.getShape();
    h = h.reshape(batch, runs, f.get(1) / runs * f.get(2) * f.get(3)).transpose(1, 0, 2);
    for (int i = 0; i < denses.size(); i++) {
      NDArray[] dense = denses.get(i); // weight [R, out, in], bias [R, out]
      h = h.matMul(dense[0].transpose(0, 2, 1)).add(dense[1].expandDims(1));
      if (i < denses.size() - 1) {
        h = Activation.relu(h);
      }
    }
    return h;
  }
}
