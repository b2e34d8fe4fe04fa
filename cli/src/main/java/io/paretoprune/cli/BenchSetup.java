package io.paretoprune.cli;

import ai.djl.ndarray.NDManager;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.data.Normalization;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.objective.L2Penalty;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.param.ParameterSelector;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.pruning.PruningStrategies;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/** The paper's LeNet-5 / MNIST training, as the benchmarks run it. */
final class BenchSetup {
  private BenchSetup() {}

  static DatasetSplits mnist(Path data, int limit) {
    return mnist(data, limit, 1000);
  }

  static DatasetSplits mnist(Path data, int trainLimit, int testLimit) {
    DatasetSplits s = Datasets.get("mnist").load(data);
    return new DatasetSplits(s.train().head(trainLimit), s.test().head(testLimit));
  }

  static List<Objective> paperObjectives() {
    return List.of(
        Objective.crossEntropy("f1").plus(new L2Penalty(ParameterSelector.convKernels(), 1e-4)),
        Objective.l1("f2", ParameterSelector.denseKernels()));
  }

  /**
   * Trains LeNet-5 with one optimizer variant for {@code epochs} x {@code steps} at batch 64.
   *
   * @param variant {@code sgd} (plain SGD, momentum 0.9), {@code smgd}, {@code smgd+prune}, or
   *     {@code combiner:NAME[:NORMALIZE]}: combiner NAME (its defaults; min-norm with the given
   *     normalisation) with step sgd, momentum 0.9
   */
  static TrainingResult train(
      NDManager m, DatasetSplits data, String variant, int epochs, int steps, long seed) {
    return trainWithListener(m, data, variant, epochs, steps, seed, null);
  }

  /** {@link #train} at another batch size. */
  static TrainingResult train(
      NDManager m,
      DatasetSplits data,
      String variant,
      int epochs,
      int steps,
      long seed,
      int batch) {
    return trainWithListener(m, data, variant, epochs, steps, seed, null, batch);
  }

  /**
   * One LeNet-5 run on {@code train}'s image shape, initialised from the config's seed, described
   * for a trainer (lone or packed); no hooks or listeners yet.
   */
  static MultiObjectiveTrainer.Builder lenetRun(
      NDManager m,
      LabeledImages train,
      List<Objective> objectives,
      TrainingConfig config,
      String optimizer,
      Map<String, ?> settings) {
    Network net =
        ModelZoo.load()
            .create(
                "lenet5",
                PluginSettings.empty(),
                new InputSpec(train.channels(), train.height(), train.width(), train.classes()),
                m,
                config.seed());
    TrainingSchedule schedule =
        new TrainingSchedule(config.epochs(), config.stepsPerEpoch(train.count()));
    ConfiguredOptimizer o =
        Optimizers.load()
            .create(optimizer, new PluginSettings(settings), schedule, objectives.size());
    return MultiObjectiveTrainer.builder()
        .setBlock(net.block())
        .optCatalog(net.catalog())
        .setObjectives(objectives)
        .setPlan(o.plan())
        .setStepPlan(o.step())
        .setConfig(config)
        .setManager(m);
  }

  /** The optimizer and settings a variant names. */
  static Map.Entry<String, Map<String, Object>> optimizer(String variant) {
    Map<String, Object> settings = new java.util.LinkedHashMap<>();
    settings.put("lr", 0.01);
    settings.put("momentum", 0.9);
    settings.put("schedule", "constant");
    if (variant.startsWith("combiner:")) {
      String[] parts = variant.split(":");
      settings.put("combiner", parts[1]);
      settings.put("step", "sgd");
      if (parts.length > 2) {
        settings.put("normalize", parts[2]);
      }
      return Map.entry("combine", settings);
    }
    return Map.entry(variant.startsWith("smgd") ? "smgd" : "sgd", settings);
  }

  static TrainingResult trainWithListener(
      NDManager m,
      DatasetSplits data,
      String variant,
      int epochs,
      int steps,
      long seed,
      io.paretoprune.core.train.seam.TrainingListener listener) {
    return trainWithListener(m, data, variant, epochs, steps, seed, listener, 64);
  }

  static TrainingResult trainWithListener(
      NDManager m,
      DatasetSplits data,
      String variant,
      int epochs,
      int steps,
      long seed,
      io.paretoprune.core.train.seam.TrainingListener listener,
      int batch) {
    TensorDataset[] t = Normalization.UNIT_SCALE.apply(m, data.train(), data.test());
    Map.Entry<String, Map<String, Object>> named = optimizer(variant);
    MultiObjectiveTrainer.Builder b =
        lenetRun(
            m,
            data.train(),
            paperObjectives(),
            new TrainingConfig(epochs, batch, seed, 1000, steps),
            named.getKey(),
            named.getValue());
    if (listener != null) {
      b.addListener(listener);
    }
    if (variant.endsWith("+prune")) {
      b.addHook(PruningStrategies.create("threshold", PluginSettings.empty()));
    }
    try {
      return b.build().fit(t[0], t[1]);
    } finally {
      t[0].close();
      t[1].close();
    }
  }
}
