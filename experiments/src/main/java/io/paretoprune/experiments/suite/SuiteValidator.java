package io.paretoprune.experiments.suite;

import io.paretoprune.core.data.BatchOrder;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.ConfigException;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.task.ExampleKind;
import io.paretoprune.core.task.Tasks;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelFactory;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.pruning.PruningStrategies;
import java.util.List;

/**
 * Checks what the parser cannot: that every plug-in named exists and accepts its settings, and that
 * selectors parse. It builds each plug-in once (cheap: no weights, no data), so a suite that passes
 * validation does not fail on a config value an hour later.
 */
final class SuiteValidator {
  private SuiteValidator() {}

  static void validate(SuiteSpec s, String file) {
    check(file, "dataset.name", () -> Datasets.get(s.dataset().name()));
    if (s.dataset().order() == BatchOrder.BY_LENGTH
        && Tasks.get(Datasets.get(s.dataset().name()).task()).examples()
            != ExampleKind.FRAME_SEQUENCES) {
      throw new ConfigException(
          file,
          "dataset.batch_order",
          "by_length needs examples of different lengths; "
              + s.dataset().name()
              + "'s all have one size");
    }
    check(
        file,
        "model",
        () -> {
          var d = Datasets.get(s.dataset().name());
          sameExampleKind(s.model().name(), d);
          int[] shape = d.exampleShape();
          ModelZoo.load()
              .validate(
                  s.model().name(),
                  new PluginSettings(s.model().settings()),
                  new InputSpec(shape[0], shape[1], shape[2], d.classes()));
        });
    objectives(file, "objectives", s.objectives());
    TrainingSchedule schedule = new TrainingSchedule(s.epochs(), 1);
    for (int i = 0; i < s.optimizers().size(); i++) {
      SuiteSpec.OptimizerSpec o = s.optimizers().get(i);
      String key = "optimizers[" + i + "]";
      List<SuiteSpec.ObjectiveSpec> objs = o.objectives() != null ? o.objectives() : s.objectives();
      if (o.objectives() != null) {
        objectives(file, key + ".objectives", o.objectives());
      }
      check(
          file,
          key,
          () ->
              Optimizers.load()
                  .create(o.name(), new PluginSettings(o.settings()), schedule, objs.size()));
      if (o.pruning() != null) {
        check(
            file,
            key + ".pruning",
            () ->
                PruningStrategies.create(
                    o.pruning().name(), new PluginSettings(o.pruning().settings())));
      }
    }
    check(
        file,
        "pruning",
        () ->
            PruningStrategies.create(
                s.pruning().name(), new PluginSettings(s.pruning().settings())));
    if (s.pareto() != null && s.objectives().size() < 2) {
      throw new ConfigException(file, "pareto", "a Pareto search needs at least two objectives");
    }
    if (s.pareto() != null) {
      // The weightings' step rule, checked as the runs will build it, so that a typo in
      // pareto.step stops the search before its first weighting instead of failing that run.
      int epochs = s.pareto().epochs() > 0 ? s.pareto().epochs() : s.epochs();
      check(
          file,
          "pareto.step",
          () ->
              Optimizers.load()
                  .create(
                      "weighted",
                      new PluginSettings(s.pareto().weightedSettings(0.5, 0.5)),
                      new TrainingSchedule(epochs, 1),
                      2));
    }
  }

  /**
   * The model reads the kind of example the data set's task poses (a sequence model on images, an
   * image model on speech): checked by name, before any data is read.
   */
  private static void sameExampleKind(String model, DatasetDescriptor data) {
    ModelZoo zoo = ModelZoo.load();
    ExampleKind reads = zoo.factory(model).examples();
    ExampleKind holds = Tasks.get(data.task()).examples();
    if (reads != holds) {
      List<String> fitting =
          zoo.all().stream().filter(f -> f.examples() == holds).map(ModelFactory::name).toList();
      throw new ConfigException(
          "name",
          "model '"
              + model
              + "' reads "
              + reads.noun()
              + ", but data set '"
              + data.name()
              + "' holds "
              + holds.noun()
              + (fitting.isEmpty()
                  ? ""
                  : "; models that read them: " + String.join(", ", fitting)));
    }
  }

  private static void objectives(String file, String key, List<SuiteSpec.ObjectiveSpec> objs) {
    for (int i = 0; i < objs.size(); i++) {
      for (SuiteSpec.PenaltySpec p : objs.get(i).penalties()) {
        String where = key + "[" + i + "]." + p.type() + ".on";
        try {
          ParameterSelector.parse(p.on());
        } catch (IllegalArgumentException e) {
          throw new ConfigException(file, where, e.getMessage());
        }
      }
    }
  }

  private static void check(String file, String key, Runnable r) {
    try {
      r.run();
    } catch (ConfigException e) {
      throw e.under(key).in(file);
    } catch (IllegalArgumentException e) {
      throw new ConfigException(file, key, e.getMessage());
    }
  }
}
