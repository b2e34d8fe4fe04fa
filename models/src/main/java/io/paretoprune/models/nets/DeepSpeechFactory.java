package io.paretoprune.models.nets;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDList;
import ai.djl.nn.Block;
import ai.djl.nn.LambdaBlock;
import ai.djl.nn.SequentialBlock;
import ai.djl.nn.core.Linear;
import ai.djl.nn.norm.Dropout;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.task.ExampleKind;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import java.util.Map;

/**
 * Mozilla DeepSpeech v0.x's acoustic model ({@code create_model} in its {@code train.py}), frames
 * in, per-frame character logits out.
 *
 * <p>Input {@code [batch, frames, features]}: DeepSpeech's features are 26 MFCC with 9 frames of
 * context on each side, 19 x 26 = 494 per frame. Layers 1-3 dense, each a ReLU clipped at {@code
 * relu_clip} and dropout; layer 4 a unidirectional LSTM of {@code n_hidden} cells (a {@link
 * SelfCheckingLstm}: DJL's fused LSTM where it has checked it on this host); layer 5 dense, clipped
 * ReLU, dropout (DeepSpeech's {@code dropout_rate6} defaults to {@code dropout_rate}, so its layer
 * 5 drops too); layer 6 dense to the classes (the alphabet and the CTC blank, 29 for DeepSpeech's
 * English), no activation: these are the CTC logits. The catalog names the dense layers {@code
 * dense1..dense5} (DeepSpeech's layers 1, 2, 3, 5, 6) and the LSTM {@code lstm1}.
 *
 * <p>The model is built for an {@link InputSpec} of one channel, {@code height} frames (only the
 * shape weights are initialised with; any number of frames runs) and {@code width} features per
 * frame, and it accepts {@code [batch, 1, frames, features]} as well. Being unidirectional, the
 * LSTM never lets padding after a sample's last frame change that sample's earlier outputs.
 */
public final class DeepSpeechFactory implements ModelFactory {
  /** DeepSpeech's width is 2048 (about 47M weights); 256 (about 0.9M) trains on two cores. */
  static final int DEFAULT_HIDDEN = 256;

  static final float DEFAULT_DROPOUT = 0.05f;
  static final float DEFAULT_RELU_CLIP = 20f;

  /** Guards against typos that would allocate gigabytes. */
  static final int MAX_HIDDEN = 1 << 14;

  @Override
  public String name() {
    return "deepspeech";
  }

  @Override
  public String description() {
    return "Mozilla DeepSpeech v0.x: 3 dense, LSTM, 2 dense, clipped ReLU, per-frame CTC logits";
  }

  @Override
  public Map<String, String> settings() {
    return Map.of(
        "n_hidden", "units of every dense layer and LSTM cells (default 256; DeepSpeech: 2048)",
        "dropout", "dropout rate after layers 1, 2, 3 and 5 (default 0.05)",
        "relu_clip", "the ReLUs' upper clip (default 20)");
  }

  /** Frames of features in, per-frame logits out: not images. */
  @Override
  public ExampleKind examples() {
    return ExampleKind.FRAME_SEQUENCES;
  }

  @Override
  public Block build(PluginSettings settings, InputSpec input) {
    int hidden = settings.getInt("n_hidden", DEFAULT_HIDDEN, 1, MAX_HIDDEN);
    double dropout = settings.getDouble("dropout", DEFAULT_DROPOUT);
    if (!(dropout >= 0 && dropout < 1)) {
      throw new ConfigException("dropout", "must be a rate in [0, 1), got " + dropout);
    }
    double clip = settings.getDouble("relu_clip", DEFAULT_RELU_CLIP);
    if (!(clip > 0) || Double.isInfinite(clip)) {
      throw new ConfigException("relu_clip", "must be a positive number, got " + clip);
    }
    if (input.channels() != 1) {
      throw new ConfigException(
          null,
          "model '"
              + name()
              + "' takes one channel of frames x features, got "
              + input.channels()
              + " channels");
    }
    SequentialBlock net = new SequentialBlock().add(framesBlock());
    for (int layer = 1; layer <= 3; layer++) {
      addDense(net, hidden, (float) clip, (float) dropout);
    }
    net.add(new SelfCheckingLstm(hidden));
    addDense(net, hidden, (float) clip, (float) dropout);
    return net.add(Linear.builder().setUnits(input.classes()).build());
  }

  private static void addDense(SequentialBlock net, int units, float clip, float dropout) {
    net.add(Linear.builder().setUnits(units).build()).add(clippedRelu(clip));
    if (dropout > 0) {
      net.add(Dropout.builder().optRate(dropout).build());
    }
  }

  /** {@code min(max(x, 0), clip)}: DeepSpeech's {@code tf.minimum(tf.nn.relu(x), relu_clip)}. */
  static LambdaBlock clippedRelu(float clip) {
    return new ClippedRelu(clip);
  }

  /** {@code [batch, 1, frames, features]} to {@code [batch, frames, features]}; 3-d unchanged. */
  private static LambdaBlock framesBlock() {
    return new LambdaBlock(
        in -> {
          NDArray x = in.singletonOrThrow();
          if (x.getShape().dimension() == 4 && x.getShape().get(1) == 1) {
            return new NDList(x.squeeze(1));
          }
          if (x.getShape().dimension() != 3) {
            throw new IllegalArgumentException(
                "deepspeech expects [batch, frames, features], got " + x.getShape());
          }
          return in;
        },
        "frames");
  }
}
