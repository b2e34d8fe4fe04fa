package io.paretoprune.optimizers;

import ai.djl.training.tracker.Tracker;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.schedule.Schedule;
import io.paretoprune.optimizers.step.StepSettings;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer as a pairing of a combiner and a step rule: which suite key belongs to whom, the
 * learning-rate schedule every step rule shares, and where the step rule meets the objectives.
 *
 * <p>The default of {@code apply}: a fixed weighting is plain training on the weighted sum, so its
 * step rule keeps one state ({@code combined}); an adaptive combiner takes the step rule's own
 * preference ({@link StepRuleProvider#multiObjectiveApplication()}: {@code combined} for SGD, as
 * the original SMGD keeps one velocity for {@code d}; {@code per-objective} for Adam and RMSProp,
 * as the original MAdam and MRMSProp keep moments per objective).
 */
public final class Composition {
  private Composition() {}

  /** The keys read for every step rule: the schedule and {@code apply}. */
  public static Map<String, String> commonSettings() {
    Map<String, String> m = new LinkedHashMap<>();
    m.put("lr", "learning rate, > 0 (default: the step rule's)");
    m.put(
        "schedule",
        "learning-rate schedule: "
            + String.join(" | ", Schedule.ids())
            + " (default: the step rule's)");
    m.put(
        "decay",
        "inverse-time decay per step, >= 0 (default initial lr / epochs); only with a schedule"
            + " that has inverse_time");
    m.put(
        "apply",
        "where the step rule meets the objectives: combined | per-objective (default combined"
            + " for fixed weights, else the step rule's: sgd combined, adam and rmsprop"
            + " per-objective)");
    return m;
  }

  /** A suite's settings sorted into the combiner's, the step rule's and the common keys. */
  public record Sorted(PluginSettings combiner, PluginSettings step, PluginSettings common) {}

  /**
   * Sorts {@code all}; {@code skip} keys (those that pick the combiner or step rule) are dropped.
   *
   * @throws ConfigException on a key nobody reads, or one both plug-ins claim
   */
  public static Sorted sort(
      PluginSettings all,
      CombinerProvider combiner,
      StepRuleProvider step,
      boolean applyKey,
      Set<String> skip) {
    Map<String, Object> c = new LinkedHashMap<>();
    Map<String, Object> s = new LinkedHashMap<>();
    Map<String, Object> common = new LinkedHashMap<>();
    Set<String> commonKeys = commonSettings().keySet();
    for (Map.Entry<String, Object> e : all.asMap().entrySet()) {
      String key = e.getKey();
      if (skip.contains(key)) {
        continue;
      }
      boolean isCommon = commonKeys.contains(key) && (applyKey || !key.equals("apply"));
      boolean ofCombiner = combiner.settings().containsKey(key);
      boolean ofStep = step.settings().containsKey(key);
      if (ofCombiner && ofStep) {
        throw new ConfigException(
            key,
            "is a setting of both combiner '"
                + combiner.name()
                + "' and step rule '"
                + step.name()
                + "': rename it in one of them");
      }
      if (isCommon) {
        common.put(key, e.getValue());
      } else if (ofCombiner) {
        c.put(key, e.getValue());
      } else if (ofStep) {
        s.put(key, e.getValue());
      } else {
        List<String> owners =
            PluginCatalog.stepRules().all().stream()
                .filter(r -> r.settings().containsKey(key))
                .map(StepRuleProvider::name)
                .toList();
        if (!owners.isEmpty()) {
          throw new ConfigException(
              key,
              "is a setting of step "
                  + String.join(", ", owners)
                  + ", not of step '"
                  + step.name()
                  + "'; known for it: "
                  + String.join(", ", step.settings().keySet()));
        }
        List<String> known = new ArrayList<>(skip);
        commonKeys.stream().filter(k -> applyKey || !k.equals("apply")).forEach(known::add);
        known.addAll(combiner.settings().keySet());
        known.addAll(step.settings().keySet());
        throw new ConfigException(
            key,
            "is not a setting of combiner '"
                + combiner.name()
                + "' with step rule '"
                + step.name()
                + "'; known: "
                + String.join(", ", known));
      }
    }
    return new Sorted(new PluginSettings(c), new PluginSettings(s), new PluginSettings(common));
  }

  /**
   * The step plan: the step rule (checked once here so a bad value fails before training), the
   * schedule and the application.
   *
   * @param forced the application a preset fixes, or null to read {@code apply} / the default
   */
  public static StepPlan stepPlan(
      StepRuleProvider step,
      Sorted sorted,
      TrainingSchedule run,
      boolean fixedWeights,
      StepApplication forced) {
    Tracker lr =
        StepSettings.tracker(
            step.defaultLearningRate(), step.defaultSchedule(), sorted.common(), run);
    StepApplication application = forced;
    if (application == null) {
      StepApplication fallback =
          fixedWeights ? StepApplication.COMBINED : step.multiObjectiveApplication();
      String id =
          sorted
              .common()
              .getChoice(
                  "apply",
                  fallback.id(),
                  Arrays.stream(StepApplication.values()).map(StepApplication::id).toList());
      application = StepApplication.byId(id);
    }
    PluginSettings own = sorted.step();
    step.create(own, lr); // validates the rule's own keys now, not in the first step
    return new StepPlan(tracker -> step.create(own, tracker), lr, application);
  }
}
