package io.paretoprune.models.sparse;

import io.paretoprune.models.Network;
import java.util.Map;

/**
 * A network with its dead units removed ({@link NetworkCompactor}).
 *
 * @param network the smaller network, same model and settings, narrower layers
 * @param before units per compacted layer in the pruned network, e.g. {@code dense1 -> 120}
 * @param after units per layer after compaction, same keys
 * @param removed units and channels removed
 * @param convolution the convolution whose channels were compacted across the flatten, or empty
 * @param acrossFlatten whether the last convolution's channels were compacted too
 */
public record CompactedNetwork(
    Network network,
    Map<String, Integer> before,
    Map<String, Integer> after,
    int removed,
    String convolution,
    boolean acrossFlatten) {

  /** {@code dense1 120 -> 31, dense2 84 -> 20, ...} */
  public String describeWidths() {
    StringBuilder s = new StringBuilder();
    for (var e : before.entrySet()) {
      if (s.length() > 0) {
        s.append(", ");
      }
      s.append(e.getKey())
          .append(' ')
          .append(e.getValue())
          .append(" -> ")
          .append(after.get(e.getKey()));
    }
    return s.toString();
  }
}
