package io.paretoprune.models.sparse;

import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.nn.Block;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.convolutional.Conv2d;
import ai.djl.nn.convolutional.Convolution;
import ai.djl.nn.core.Linear;
import io.paretoprune.core.param.ParameterCatalog;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import java.util.List;
import java.util.Map;

/**
 * Builds a zoo model with some layers narrowed: the zoo's own block for the model and settings,
 * with each dense layer and convolution named in {@code widths} ({@code dense1}, {@code conv2},
 * numbered in forward order as {@link ParameterCatalog} names them) replaced by one of that many
 * units and otherwise the same hyperparameters. The zoo has no notion of widths per layer, so a
 * compacted network is described as "model + settings + widths" and rebuilt this way.
 */
final class CompactNetworks {
  private CompactNetworks() {}

  /** The narrowed form of {@code like}'s model, initialised (values to be set by the caller). */
  static Network build(ModelZoo zoo, Network like, Map<String, Integer> widths, NDManager m) {
    return build(zoo, like.model(), like.settings(), like.input(), widths, m);
  }

  static Network build(
      ModelZoo zoo,
      String model,
      PluginSettings settings,
      InputSpec input,
      Map<String, Integer> widths,
      NDManager manager) {
    Block fresh = zoo.factory(model).build(settings, input);
    if (!(fresh instanceof SequentialBlock)) {
      throw new IllegalArgumentException(
          "model '" + model + "' is not a flat SequentialBlock and cannot be compacted");
    }
    List<Block> children = NetworkCompactor.children(fresh);
    SequentialBlock narrowed = new SequentialBlock();
    int denseIndex = 0;
    int convIndex = 0;
    for (Block b : children) {
      if (b instanceof Linear linear) {
        Integer units = widths.get("dense" + ++denseIndex);
        narrowed.add(units == null ? linear : Linear.builder().setUnits(units).build());
      } else if (b instanceof Convolution conv) {
        Integer filters = widths.get("conv" + ++convIndex);
        if (filters == null) {
          narrowed.add(conv);
        } else if (conv instanceof Conv2d) {
          narrowed.add(
              Conv2d.builder()
                  .setKernelShape(conv.getKernelShape())
                  .optStride(conv.getStride())
                  .optPadding(conv.getPadding())
                  .optDilation(conv.getDilation())
                  .optGroups(conv.getGroups())
                  .optBias(conv.isIncludeBias())
                  .setFilters(filters)
                  .build());
        } else {
          throw new IllegalArgumentException(
              "only 2-D convolutions can be narrowed, conv" + convIndex + " is not one");
        }
      } else {
        narrowed.add(b);
      }
    }
    narrowed.initialize(manager, DataType.FLOAT32, input.batchShape());
    return new Network(narrowed, input, ParameterCatalog.of(narrowed), model, settings);
  }
}
