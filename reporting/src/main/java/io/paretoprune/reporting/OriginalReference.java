package io.paretoprune.reporting;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * A reference row of the original code for a data set and model (method.md, "Reference numbers"):
 * the dashed target lines it draws on every plot, read from {@code original-reference.json} beside
 * this class. They are targets, not a measured result of any one optimizer.
 *
 * @param metric the metric {@code value} is in (the row shows only when it is the report's)
 * @param layerNonzeros the dense kernels' nonzeros per layer
 * @param denseKernelWeights the dense kernels' size
 * @param what how the row is named in the table
 */
record OriginalReference(
    String dataset,
    String model,
    String metric,
    double value,
    int[] layerNonzeros,
    int denseKernelWeights,
    String what) {

  static final List<OriginalReference> ALL = load();

  private static List<OriginalReference> load() {
    try (InputStream in = OriginalReference.class.getResourceAsStream("original-reference.json")) {
      return List.of(
          JsonMapper.builder()
              .propertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
              .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
              .build()
              .readValue(in, OriginalReference[].class));
    } catch (IOException e) {
      throw new UncheckedIOException("original-reference.json in the reporting jar", e);
    }
  }

  /** The reference for this data set, model and metric, or null. */
  static OriginalReference of(String dataset, String model, String metric) {
    return ALL.stream()
        .filter(r -> r.dataset.equals(dataset) && r.model.equals(model) && r.metric.equals(metric))
        .findFirst()
        .orElse(null);
  }

  int keptWeights() {
    return Arrays.stream(layerNonzeros).sum();
  }

  /** The cells after the label: the empty runs cell, the value, the nonzeros, the sparsity %. */
  String cells() {
    StringBuilder layers = new StringBuilder();
    for (int n : layerNonzeros) {
      layers.append(layers.length() == 0 ? "" : " / ").append(Axes.plain(n));
    }
    return "<td></td><td>"
        + Html.esc(Axes.plain(value))
        + "</td><td>"
        + Axes.plain(keptWeights())
        + " of "
        + Axes.plain(denseKernelWeights)
        + " kernel weights ("
        + layers
        + ")</td><td>"
        + String.format(
            Locale.ROOT, "%.1f", 100 * (1 - keptWeights() / (double) denseKernelWeights))
        + "</td>";
  }
}
