package io.paretoprune.optimizers.provider;

import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.NamedPlugin;
import io.paretoprune.core.plugin.PluginRegistry;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.CombinationPlan;
import io.paretoprune.core.train.GroupRule;
import io.paretoprune.core.train.StepApplication;
import io.paretoprune.core.train.StepPlan;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.optimizers.CombinerProvider;
import io.paretoprune.optimizers.Composition;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.OptimizerProvider;
import io.paretoprune.optimizers.PluginCatalog;
import io.paretoprune.optimizers.StepRuleProvider;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.Map;
import java.util.Set;

/**
 * An optimizer as users name it: a pairing of a combiner and a step rule (both found by {@link
 * java.util.ServiceLoader}), either fixed by the preset or chosen with the keys {@code combiner}
 * and {@code step}. Every suite key goes to exactly one of the combiner, the step rule or the
 * common schedule keys ({@link Composition}).
 */
abstract class PresetProvider extends NamedPlugin implements OptimizerProvider {
  private final String combiner;
  private final String step;
  private final StepApplication application;

  /**
   * @param combiner the combiner's name, or null for the key {@code combiner}
   * @param step the step rule's name, or null for the key {@code step} (default sgd)
   * @param application fixed by the preset, or null for the key {@code apply} and its default
   */
  PresetProvider(
      String name, String description, String combiner, String step, StepApplication application) {
    super(name, description);
    this.combiner = combiner;
    this.step = step;
    this.application = application;
  }

  @Override
  public Map<String, String> settings() {
    Map<String, String> m = new LinkedHashMap<>();
    if (combiner == null) {
      m.put(
          "combiner",
          "the multi-objective rule: "
              + String.join(", ", names(PluginCatalog.combiners()))
              + " (required); its own settings go beside it (list combiners shows them)");
    }
    if (step == null) {
      m.put(
          "step",
          "the step rule: "
              + String.join(" | ", names(PluginCatalog.stepRules()))
              + " (default sgd)");
    }
    Composition.commonSettings()
        .forEach(
            (k, v) -> {
              if (application == null || !k.equals("apply")) {
                m.put(k, v);
              }
            });
    if (combiner != null) {
      m.putAll(combinerSettings(PluginCatalog.combiners().get(combiner)));
    }
    if (step != null) {
      m.putAll(PluginCatalog.stepRules().get(step).settings());
    } else {
      for (StepRuleProvider s : PluginCatalog.stepRules().all()) {
        s.settings().forEach((k, v) -> m.putIfAbsent(k, s.name() + ": " + v));
      }
    }
    return m;
  }

  /** The combiner's settings as this preset documents them (presets may add defaults). */
  Map<String, String> combinerSettings(CombinerProvider c) {
    return c.settings();
  }

  /** The combiner's settings with this preset's defaults filled in. */
  PluginSettings combinerDefaults(PluginSettings given, int objectives) {
    return given;
  }

  /** The combination plan: one rule over every parameter unless a preset groups them. */
  CombinationPlan plan(CombinerProvider c, PluginSettings settings, int objectives) {
    return CombinationPlan.single(c.create(settings, objectives), objectives);
  }

  /** The least number of objectives this preset works with. */
  int minObjectives() {
    return 1;
  }

  @Override
  public ConfiguredOptimizer create(
      PluginSettings settings, TrainingSchedule schedule, int objectives) {
    ObjectiveCount.atLeast(name(), objectives, minObjectives());
    CombinerProvider c = resolve(PluginCatalog.combiners(), "combiner", combiner, settings, null);
    StepRuleProvider s = resolve(PluginCatalog.stepRules(), "step", step, settings, "sgd");
    Set<String> skip = new LinkedHashSet<>();
    if (combiner == null) {
      skip.add("combiner");
    }
    if (step == null) {
      skip.add("step");
    }
    Composition.Sorted sorted = Composition.sort(settings, c, s, application == null, skip);
    CombinationPlan plan = plan(c, combinerDefaults(sorted.combiner(), objectives), objectives);
    boolean fixed = plan.groups().stream().map(GroupRule::combiner).allMatch(g -> g.fixedWeights());
    StepPlan stepPlan = Composition.stepPlan(s, sorted, schedule, fixed, application);
    return new ConfiguredOptimizer(
        plan, stepPlan, c.name() + " + " + s.name() + " (" + stepPlan.application().id() + ")");
  }

  private static <T extends io.paretoprune.core.plugin.Plugin> T resolve(
      PluginRegistry<T> registry, String key, String fixed, PluginSettings settings, String dflt) {
    if (fixed != null) {
      return registry.get(fixed);
    }
    String chosen = settings.getString(key, dflt);
    if (chosen == null) {
      throw new ConfigException(key, "is required: one of " + String.join(", ", names(registry)));
    }
    try {
      return registry.get(chosen);
    } catch (ConfigException e) {
      throw e.under(key);
    }
  }

  private static java.util.List<String> names(
      PluginRegistry<? extends io.paretoprune.core.plugin.Plugin> r) {
    return r.all().stream().map(io.paretoprune.core.plugin.Plugin::name).toList();
  }
}
