package io.paretoprune.models;

import ai.djl.nn.Block;
import io.paretoprune.core.param.ParameterCatalog;
import java.util.Map;

/**
 * An initialised model: its DJL block, the input it takes, and its parameters under stable names.
 */
public record Network(
    String model,
    Map<String, Object> settings,
    InputSpec input,
    Block block,
    ParameterCatalog catalog) {}
