package io.paretoprune.models.nets;

import ai.djl.ndarray.NDList;
import ai.djl.nn.LambdaBlock;

/**
 * {@code min(max(x, 0), clip)}, DeepSpeech's {@code tf.minimum(tf.nn.relu(x), relu_clip)}: a {@link
 * LambdaBlock} named {@code clippedRelu} that also tells its clip, so that code running the
 * network's dense layers outside DJL (the sparse kernels) can apply the same function.
 */
public final class ClippedRelu extends LambdaBlock {
  private final float clip;

  public ClippedRelu(float clip) {
    super(in -> new NDList(in.singletonOrThrow().clip(0f, clip)), "clippedRelu");
    this.clip = clip;
  }

  public float clip() {
    return clip;
  }
}
