package io.paretoprune.core.param;

import ai.djl.ndarray.NDArray;
import ai.djl.nn.Parameter;

/**
 * One parameter of a network under its stable name.
 *
 * @param layer the layer's stable name, e.g. {@code dense1}
 * @param role {@code weight}, {@code bias}, {@code gamma}, ...
 * @param kind what the parameter is, for selectors
 * @param parameter the DJL parameter itself
 */
public record ParameterRef(String layer, String role, ParameterKind kind, Parameter parameter) {

  /** {@code layer.role}, e.g. {@code conv1.weight}. */
  public String name() {
    return layer + "." + role;
  }

  /** DJL's identifier, the key the step rule keeps its state under. */
  public String id() {
    return parameter.getId();
  }

  public NDArray array() {
    return parameter.getArray();
  }

  public boolean trainable() {
    return parameter.requiresGradient() && kind != ParameterKind.STATE;
  }

  public long size() {
    return parameter.getArray().size();
  }
}
