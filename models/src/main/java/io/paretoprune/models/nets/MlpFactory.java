package io.paretoprune.models.nets;

import ai.djl.nn.Activation;
import ai.djl.nn.Block;
import ai.djl.nn.Blocks;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import java.util.Map;

/**
 * A multilayer perceptron for quick experiments: flatten, then one dense layer with ReLU per entry
 * of {@code widths}, then dense {@code classes} (logits). An empty {@code widths} list gives
 * multinomial logistic regression.
 */
public final class MlpFactory implements ModelFactory {
  static final int[] DEFAULT_WIDTHS = {300, 100};

  /** Guards against typos that would allocate gigabytes. */
  static final int MAX_WIDTH = 1 << 20;

  @Override
  public String name() {
    return "mlp";
  }

  @Override
  public String description() {
    return "multilayer perceptron with ReLU hidden layers (default widths [300, 100])";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of("widths", "units of each hidden layer, e.g. [300, 100]");
  }

  @Override
  public Block build(PluginSettings settings, InputSpec input) {
    int[] widths = SettingLists.wholeNumbers(settings, "widths", DEFAULT_WIDTHS, 1, MAX_WIDTH);
    SequentialBlock net = new SequentialBlock().add(Blocks.batchFlattenBlock());
    for (int w : widths) {
      net.add(Linear.builder().setUnits(w).build()).add(Activation.reluBlock());
    }
    return net.add(Linear.builder().setUnits(input.classes()).build());
  }
}
