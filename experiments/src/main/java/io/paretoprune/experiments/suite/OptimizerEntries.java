package io.paretoprune.experiments.suite;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;

/**
 * The {@code optimizers} list of a suite, with the two ways of writing many runs without copying
 * blocks:
 *
 * <ul>
 *   <li>{@code shared_settings: {lr: 0.05}} at the top is merged into every entry's settings (an
 *       entry that sets the same key is an error, so runs never silently differ from what the suite
 *       says they share);
 *   <li>{@code grid: {lr: [0.001, 0.01]}} at the top (every entry) or in an entry expands the entry
 *       into one per combination of values, labelled {@code "<label> lr=0.001"}. A grid key the
 *       entry also sets is an error.
 * </ul>
 *
 * Grids are explicit keys rather than "any list value expands" because some settings are lists
 * themselves ({@code weights: [1, 3e-4]}). An entry may name a preset ({@code name: smgd}) or a
 * pairing ({@code combiner: min-norm, step: adam}, the {@code combine} optimizer).
 */
final class OptimizerEntries {
  private OptimizerEntries() {}

  static List<SuiteSpec.OptimizerSpec> parse(
      ConfigNode root, Function<ConfigNode, List<SuiteSpec.ObjectiveSpec>> objectives) {
    Map<String, Object> shared = root.get("shared_settings").settings();
    Map<String, List<Object>> suiteGrid = grid(root.get("grid"));
    List<SuiteSpec.OptimizerSpec> out = new ArrayList<>();
    Set<String> labels = new HashSet<>();
    for (ConfigNode o : root.required("optimizers").list()) {
      o.allowOnly(
          Set.of("label", "name", "combiner", "step", "settings", "objectives", "pruning", "grid"));
      String name = o.text("name", null);
      String combiner = o.text("combiner", null);
      Map<String, Object> settings = new LinkedHashMap<>(o.get("settings").settings());
      if (name != null && combiner != null) {
        throw o.error("combiner", "give either name (a preset) or combiner (+ step), not both");
      }
      if (name == null && combiner == null) {
        throw o.error("name", "is required: a preset such as smgd, or combiner (+ step)");
      }
      if (name == null) {
        name = "combine";
        for (String key : List.of("combiner", "step")) {
          if (settings.containsKey(key)) {
            throw o.error("settings." + key, "is given above the settings already");
          }
        }
        settings.put("combiner", combiner);
        String step = o.text("step", null);
        if (step != null) {
          settings.put("step", step);
        }
      } else if (!o.get("step").isMissing()) {
        throw o.error("step", "belongs in settings with a preset (settings: {step: ...})");
      }
      String label = o.text("label", combiner != null ? combiner : name);
      for (Map.Entry<String, Object> e : shared.entrySet()) {
        if (settings.containsKey(e.getKey())) {
          throw o.error(
              "settings." + e.getKey(),
              "is also in shared_settings; set it in one place so every run shares it");
        }
        settings.put(e.getKey(), e.getValue());
      }
      Map<String, List<Object>> entryGrid = grid(o.get("grid"));
      Map<String, List<Object>> all = new LinkedHashMap<>(suiteGrid);
      for (Map.Entry<String, List<Object>> e : entryGrid.entrySet()) {
        if (all.containsKey(e.getKey())) {
          throw o.error("grid." + e.getKey(), "is also in the suite's grid");
        }
        all.put(e.getKey(), e.getValue());
      }
      for (String key : all.keySet()) {
        if (settings.containsKey(key)) {
          throw o.error("settings." + key, "is also a grid key; give its values in the grid only");
        }
      }
      List<SuiteSpec.ObjectiveSpec> own =
          o.get("objectives").isMissing() ? null : objectives.apply(o.get("objectives"));
      SuiteSpec.PluginSpec pruning = null;
      if (!o.get("pruning").isMissing()) {
        ConfigNode p = o.get("pruning");
        p.allowOnly(Set.of("name", "settings"));
        pruning = new SuiteSpec.PluginSpec(p.required("name").text(), p.get("settings").settings());
      }
      for (Map<String, Object> point : points(all)) {
        Map<String, Object> s = new LinkedHashMap<>(settings);
        StringBuilder l = new StringBuilder(label);
        for (Map.Entry<String, Object> e : point.entrySet()) {
          s.put(e.getKey(), e.getValue());
          l.append(' ').append(e.getKey()).append('=').append(format(e.getValue()));
        }
        String full = l.toString();
        if (!labels.add(full)) {
          throw o.error(
              "label",
              "duplicate optimizer label '" + full + "'; labels name runs and must differ");
        }
        out.add(new SuiteSpec.OptimizerSpec(full, name, s, own, pruning));
      }
    }
    if (out.isEmpty()) {
      throw root.error("optimizers", "at least one optimizer is needed");
    }
    return out;
  }

  /** A grid: every value a non-empty list without repeats. */
  private static Map<String, List<Object>> grid(ConfigNode n) {
    Map<String, List<Object>> out = new LinkedHashMap<>();
    for (Map.Entry<String, Object> e : n.settings().entrySet()) {
      if (!(e.getValue() instanceof List<?> values) || values.isEmpty()) {
        throw n.error(e.getKey(), "a grid key needs a non-empty list of values");
      }
      if (new HashSet<>(values).size() != values.size()) {
        throw n.error(e.getKey(), "lists a value twice");
      }
      out.put(e.getKey(), List.copyOf(values));
    }
    return out;
  }

  /** Every combination of grid values, keys in order (the last one varies fastest). */
  private static List<Map<String, Object>> points(Map<String, List<Object>> grid) {
    List<Map<String, Object>> out = new ArrayList<>();
    out.add(new LinkedHashMap<>());
    for (Map.Entry<String, List<Object>> e : grid.entrySet()) {
      List<Map<String, Object>> next = new ArrayList<>();
      for (Map<String, Object> p : out) {
        for (Object v : e.getValue()) {
          Map<String, Object> q = new LinkedHashMap<>(p);
          q.put(e.getKey(), v);
          next.add(q);
        }
      }
      out = next;
    }
    return out;
  }

  /** Numbers as plain decimals (0.0001, not 1.0E-4), also inside lists, so labels read well. */
  static String format(Object v) {
    if (v instanceof Number n) {
      return new BigDecimal(n.toString()).stripTrailingZeros().toPlainString();
    }
    if (v instanceof List<?> list) {
      return "[" + String.join(", ", list.stream().map(OptimizerEntries::format).toList()) + "]";
    }
    return String.valueOf(v);
  }
}
