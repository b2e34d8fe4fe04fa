package io.paretoprune.experiments.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.DatasetSplits;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.data.LabeledImages;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.plugin.PluginPath;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.MultiObjectiveTrainer;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingListener;
import io.paretoprune.core.train.TrainingResult;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.experiments.suite.ObjectiveFactory;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.models.InputSpec;
import io.paretoprune.models.ModelZoo;
import io.paretoprune.models.Network;
import io.paretoprune.models.store.ModelStore;
import io.paretoprune.optimizers.ConfiguredOptimizer;
import io.paretoprune.optimizers.Optimizers;
import io.paretoprune.pruning.PruningStrategies;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Trains one run and writes its directory atomically. Runs inside the run's own JVM. */
public final class RunExecutor {
  static final ObjectMapper JSON = new ObjectMapper().enable(SerializationFeature.INDENT_OUTPUT);

  /** The run's spec in its directory, as it ran: what {@code eval} rebuilds the data from. */
  public static final String RUN_SPEC = "run-spec.json";

  private final Path dataRoot;
  private final Path runsDir;
  private final String gitCommit;

  public RunExecutor(Path dataRoot, Path runsDir, String gitCommit) {
    this.dataRoot = dataRoot;
    this.runsDir = runsDir;
    this.gitCommit = gitCommit;
  }

  /** Trains and commits the run directory; returns the training result. */
  public TrainingResult execute(RunSpec spec, TrainingListener progress) throws IOException {
    EngineSetup.setThreads(spec.threads());
    EngineSetup.pytorchOffline();
    String started = Instant.now().toString();
    long t0 = System.nanoTime();
    DatasetDescriptor descriptor = Datasets.get(spec.dataset().name());
    Path dir = spec.dataset().dir() != null ? Path.of(spec.dataset().dir()) : dataRoot;
    DatasetSplits splits = descriptor.load(dir);
    LabeledImages train = limit(splits.train(), spec.dataset().trainLimit());
    LabeledImages test = limit(splits.test(), spec.dataset().testLimit());
    List<Objective> objectives = ObjectiveFactory.build(spec.objectives());
    TrainingResult result;
    String optimizerDescription;
    Path tmp;
    CheckpointFile checkpoint =
        new CheckpointFile(runsDir, spec.runId(), spec.configHash(), System.err);
    try (NDManager manager = NDManager.newBaseManager()) {
      TensorDataset[] data = descriptor.normalization().apply(manager, train, test);
      InputSpec input =
          new InputSpec(train.channels(), train.height(), train.width(), train.classes());
      Network net =
          ModelZoo.load()
              .create(
                  spec.model().name(),
                  new PluginSettings(spec.model().settings()),
                  input,
                  manager,
                  spec.seed());
      TrainingConfig config =
          new TrainingConfig(
              spec.epochs(),
              spec.batchSize(),
              spec.seed(),
              spec.evalBatchSize(),
              spec.maxStepsPerEpoch());
      TrainingSchedule schedule =
          new TrainingSchedule(spec.epochs(), config.stepsPerEpoch(train.count()));
      ConfiguredOptimizer optimizer =
          Optimizers.load()
              .create(
                  spec.optimizer().name(),
                  new PluginSettings(spec.optimizer().settings()),
                  schedule,
                  objectives.size());
      optimizerDescription = optimizer.description();
      MultiObjectiveTrainer.Builder builder =
          MultiObjectiveTrainer.builder()
              .setBlock(net.block())
              .optCatalog(net.catalog())
              .setObjectives(objectives)
              .setPlan(optimizer.plan())
              .setStepPlan(optimizer.step())
              .setConfig(config)
              .setManager(manager)
              .addHook(PruningStrategies.create(spec.pruning().name(), pruningSettings(spec)))
              .optCheckpoints(checkpoint);
      if (progress != null) {
        builder.addListener(progress);
      }
      result = builder.build().fit(data[0], data[1]);
      data[0].close();
      data[1].close();
      tmp = RunDirectory.newTemp(runsDir, spec.runId());
      saveModel(spec, result, net, tmp);
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    write(spec, tmp, result, objectives, optimizerDescription, checkpoint.resumes(), started, wall);
    // Only now: a kill before the commit resumes from the last epoch instead of starting over.
    checkpoint.delete();
    return result;
  }

  /** The suite's pruning settings; random pruning draws from the run's seed unless told. */
  static PluginSettings pruningSettings(RunSpec spec) {
    Map<String, Object> s = new LinkedHashMap<>(spec.pruning().settings());
    if (spec.pruning().name().equals("random")) {
      s.putIfAbsent("seed", spec.seed());
    }
    return new PluginSettings(s);
  }

  /**
   * Writes the spec (to rebuild the run's data) and, for a completed run, the final network into
   * the run's temporary directory, so both are there before the manifest marks it complete. A
   * diverged run's weights hold NaN or Inf and no recorded accuracy belongs to them: none is saved.
   */
  private static void saveModel(RunSpec spec, TrainingResult result, Network net, Path tmp)
      throws IOException {
    Files.writeString(tmp.resolve(RUN_SPEC), spec.toJson());
    if (result.status() == TrainingResult.Status.COMPLETED) {
      ModelStore.save(net, tmp);
    }
  }

  static LabeledImages limit(LabeledImages images, int n) {
    return n > 0 ? images.head(n) : images;
  }

  private void write(
      RunSpec spec,
      Path tmp,
      TrainingResult result,
      List<Objective> objectives,
      String optimizerDescription,
      List<Integer> resumedAfter,
      String started,
      double wall)
      throws IOException {
    RunTables.epochs(spec.runId(), spec.label(), spec.seed(), result.epochs())
        .write()
        .csv(tmp.resolve("epochs.csv").toFile());
    RunTables.layers(spec.runId(), spec.label(), spec.seed(), result.epochs())
        .write()
        .csv(tmp.resolve("layers.csv").toFile());
    RunManifest manifest =
        new RunManifest(
            spec.runId(),
            spec.suite(),
            spec.label(),
            spec.optimizer().name(),
            spec.optimizer().settings(),
            optimizerDescription,
            spec.pruning().name(),
            spec.pruning().settings(),
            spec.model().name(),
            spec.model().settings(),
            spec.dataset().name(),
            spec.seed(),
            spec.epochs(),
            spec.batchSize(),
            objectives.stream().map(Objective::name).toList(),
            result.status() == TrainingResult.Status.COMPLETED ? "completed" : "diverged",
            result.divergedAtEpoch(),
            result.message(),
            spec.configHash(),
            wall,
            started,
            versions(),
            gitCommit,
            PluginPath.installed().jars(),
            resumedAfter);
    // The manifest is written last: its presence marks the directory complete.
    Files.writeString(tmp.resolve("manifest.json"), JSON.writeValueAsString(manifest));
    RunDirectory.commit(tmp, runsDir, spec.runId());
  }

  static Map<String, String> versions() {
    Map<String, String> v = new LinkedHashMap<>();
    String own = RunExecutor.class.getPackage().getImplementationVersion();
    v.put("paretoprune", own != null ? own : "dev");
    v.put("djl", Engine.getDjlVersion());
    v.put("pytorch", Engine.getEngine("PyTorch").getVersion());
    v.put("java", System.getProperty("java.version"));
    v.put("malloc", EngineSetup.allocator());
    return v;
  }
}
