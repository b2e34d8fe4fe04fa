package io.paretoprune.experiments.run;

import ai.djl.engine.Engine;
import ai.djl.ndarray.NDManager;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.data.TaskData;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.plugin.PluginPath;
import io.paretoprune.core.plugin.PluginSettings;
import io.paretoprune.core.train.TrainingConfig;
import io.paretoprune.core.train.TrainingSchedule;
import io.paretoprune.core.train.engine.MultiObjectiveTrainer;
import io.paretoprune.core.train.engine.PackedTrainer;
import io.paretoprune.core.train.result.TrainingResult;
import io.paretoprune.core.train.seam.ModelPacker;
import io.paretoprune.core.train.seam.TrainingListener;
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
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Trains one run, or several packed into one network, and writes each run's directory atomically.
 * Runs inside the runs' own JVM.
 */
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
    return execute(List.of(spec), s -> progress).get(0);
  }

  /**
   * Trains the runs and commits each one's directory; returns their results in order. One run
   * trains alone; several are packed into one network ({@link PackedTrainer}): they must share data
   * set, model, objectives, batch size and epochs (the suite runner only packs such runs).
   */
  public List<TrainingResult> execute(
      List<RunSpec> specs, Function<RunSpec, TrainingListener> progress) throws IOException {
    RunSpec first = specs.get(0);
    EngineSetup.setThreads(first.threads());
    EngineSetup.pytorchOffline();
    String started = Instant.now().toString();
    long t0 = System.nanoTime();
    DatasetDescriptor descriptor = Datasets.get(first.dataset().name());
    Path dir = first.dataset().dir() != null ? Path.of(first.dataset().dir()) : dataRoot;
    List<Prepared> runs = new ArrayList<>();
    List<TrainingResult> results;
    List<String> testSplits;
    try (NDManager manager = NDManager.newBaseManager()) {
      // The data set makes its tensors, whatever its examples are (images by default).
      TaskData task =
          descriptor.tensors(
              dir, first.dataset().trainLimit(), first.dataset().testLimit(), manager);
      TensorDataset[] data = {task.train(), task.test()};
      int[] shape = task.exampleShape();
      InputSpec input = new InputSpec(shape[0], shape[1], shape[2], task.classes());
      int trainCount = (int) task.train().size();
      for (RunSpec spec : specs) {
        runs.add(prepare(spec, manager, input, trainCount, progress.apply(spec)));
      }
      if (runs.size() == 1) {
        results = List.of(runs.get(0).builder.build().fit(data[0], data[1], task.extraTests()));
      } else {
        ModelPacker packer =
            ModelZoo.load()
                .factory(first.model().name())
                .packer(new PluginSettings(first.model().settings()))
                .orElseThrow(
                    () ->
                        new IllegalStateException(
                            "model '" + first.model().name() + "' cannot be packed"));
        // RunPacking packed these runs by Packing's rule, which PackedTrainer checks again.
        PackedTrainer.Builder pack = PackedTrainer.builder().setManager(manager).setPacker(packer);
        runs.forEach(r -> pack.addRun(r.builder));
        results = pack.build().fit(data[0], data[1], task.extraTests());
      }
      testSplits = List.copyOf(task.extraTests().keySet());
      task.close();
      for (int i = 0; i < runs.size(); i++) {
        Prepared r = runs.get(i);
        r.tmp = RunDirectory.newTemp(runsDir, r.spec.runId());
        saveModel(r.spec, results.get(i), r.net, r.tmp);
      }
    }
    double wall = (System.nanoTime() - t0) / 1e9;
    List<String> pack = specs.size() == 1 ? List.of() : specs.stream().map(RunSpec::runId).toList();
    for (int i = 0; i < runs.size(); i++) {
      Prepared r = runs.get(i);
      write(r, results.get(i), pack, testSplits, started, wall);
      // Only now: a kill before the commit resumes from the last epoch instead of starting over.
      r.checkpoint.delete();
    }
    return results;
  }

  /** One run's network, objectives, optimizer and checkpoint, ready to train. */
  private static final class Prepared {
    final RunSpec spec;
    final Network net;
    final List<Objective> objectives;
    final String optimizerDescription;
    final CheckpointFile checkpoint;
    final MultiObjectiveTrainer.Builder builder;
    Path tmp;

    Prepared(
        RunSpec spec,
        Network net,
        List<Objective> objectives,
        String optimizerDescription,
        CheckpointFile checkpoint,
        MultiObjectiveTrainer.Builder builder) {
      this.spec = spec;
      this.net = net;
      this.objectives = objectives;
      this.optimizerDescription = optimizerDescription;
      this.checkpoint = checkpoint;
      this.builder = builder;
    }
  }

  private Prepared prepare(
      RunSpec spec, NDManager manager, InputSpec input, int trainCount, TrainingListener progress) {
    List<Objective> objectives = ObjectiveFactory.build(spec.objectives());
    CheckpointFile checkpoint =
        new CheckpointFile(runsDir, spec.runId(), spec.configHash(), System.err);
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
            spec.maxStepsPerEpoch(),
            spec.dataset().order());
    TrainingSchedule schedule =
        new TrainingSchedule(spec.epochs(), config.stepsPerEpoch(trainCount));
    ConfiguredOptimizer optimizer =
        Optimizers.load()
            .create(
                spec.optimizer().name(),
                new PluginSettings(spec.optimizer().settings()),
                schedule,
                objectives.size());
    MultiObjectiveTrainer.Builder builder =
        MultiObjectiveTrainer.builder()
            .setBlock(net.block())
            .optCatalog(net.catalog())
            .setObjectives(objectives)
            .setPlan(optimizer.plan())
            .setStepPlan(optimizer.step())
            .setConfig(config)
            .setManager(manager)
            .addHook(
                PruningStrategies.create(
                    spec.pruning().name(),
                    new PluginSettings(spec.pruning().settings()),
                    spec.seed()))
            .optCheckpoints(checkpoint)
            .optMetrics(TaskFile.of(spec).metrics());
    if (progress != null) {
      builder.addListener(progress);
    }
    return new Prepared(spec, net, objectives, optimizer.description(), checkpoint, builder);
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

  private void write(
      Prepared r,
      TrainingResult result,
      List<String> pack,
      List<String> testSplits,
      String started,
      double wall)
      throws IOException {
    RunSpec spec = r.spec;
    Path tmp = r.tmp;
    List<Objective> objectives = r.objectives;
    String optimizerDescription = r.optimizerDescription;
    List<Integer> resumedAfter = r.checkpoint.resumes();
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
            resumedAfter,
            pack,
            testSplits);
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
