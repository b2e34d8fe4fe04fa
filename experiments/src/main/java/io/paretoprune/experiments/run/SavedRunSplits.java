package io.paretoprune.experiments.run;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.paretoprune.core.data.DatasetDescriptor;
import io.paretoprune.core.data.Datasets;
import io.paretoprune.core.data.TaskData;
import io.paretoprune.core.data.TensorDataset;
import io.paretoprune.core.engine.EngineSetup;
import io.paretoprune.core.io.AtomicFiles;
import io.paretoprune.core.objective.Objective;
import io.paretoprune.core.task.Task;
import io.paretoprune.core.task.TaskMetric;
import io.paretoprune.core.train.engine.TestEvaluation;
import io.paretoprune.core.train.result.TestSplitMetrics;
import io.paretoprune.experiments.suite.ObjectiveFactory;
import io.paretoprune.experiments.suite.RunSpec;
import io.paretoprune.models.Network;
import io.paretoprune.models.store.ModelStore;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tech.tablesaw.api.ColumnType;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;
import tech.tablesaw.io.csv.CsvReadOptions;

/**
 * Every test split of a saved run's data set (the primary one and the further splits the data set
 * has now), evaluated from the run's saved model by the trainer's own end-of-epoch evaluation
 * ({@link TestEvaluation}), beside what the run recorded at its last epoch.
 *
 * <p>A split added to the data set after the run trained can be recorded into the run ({@link
 * #recordMissing}): its figures go into the last row of {@code epochs.csv}, the epoch the saved
 * weights are from, and the manifest lists it in {@code testSplits} and, with when and by which
 * commit, in {@code lateTestSplits}. Its earlier epochs stay empty: no weights of those epochs are
 * kept. This spares retraining a finished run to read a new test set, which is what a speech
 * researcher does when a corpus gains a test set.
 */
public final class SavedRunSplits {
  /** The primary test split's name in what {@link #evaluate} returns. */
  public static final String PRIMARY = "test";

  /**
   * One split's figures.
   *
   * @param columns the {@code epochs.csv} columns: the task's metrics, then the objectives
   * @param evaluated the saved model's figures, in the order of {@code columns}
   * @param recorded the run's last row, NaN where it has none (a split newer than the run)
   */
  public record Split(
      String name, long examples, List<String> columns, double[] evaluated, double[] recorded) {
    /** Whether the run recorded this split at all. */
    public boolean recordedByRun() {
      for (double r : recorded) {
        if (!Double.isNaN(r)) {
          return true;
        }
      }
      return false;
    }

    /** The first column whose recorded figure differs from the evaluated one; null if none. */
    public String firstDifference() {
      return firstDifference(columns.size());
    }

    /**
     * The first of the first {@code n} columns (the task's metrics are the first ones) whose
     * recorded figure differs from the evaluated one; null if none.
     */
    public String firstDifference(int n) {
      for (int i = 0; i < n; i++) {
        if (!Double.isNaN(recorded[i]) && Double.compare(recorded[i], evaluated[i]) != 0) {
          return columns.get(i);
        }
      }
      return null;
    }
  }

  private SavedRunSplits() {}

  /**
   * @param dataRoot where data sets live when the run's spec names no directory
   */
  public static List<Split> evaluate(SavedRun run, Path dataRoot) throws IOException {
    return evaluate(run, dataRoot, null);
  }

  /**
   * @param compactDir a compacted export of this run ({@code export --format compact}) to evaluate
   *     instead of its saved model; null for the saved model. Its metrics equal the saved model's
   *     (it predicts the same); its objectives do not: its penalties are those of the smaller
   *     network, and its data loss differs by the float rounding of the folded biases
   */
  public static List<Split> evaluate(SavedRun run, Path dataRoot, Path compactDir)
      throws IOException {
    RunSpec spec = run.spec();
    DatasetDescriptor descriptor = Datasets.get(spec.dataset().name());
    Path dir = spec.dataset().dir() != null ? Path.of(spec.dataset().dir()) : dataRoot;
    Task task = TaskFile.of(spec);
    List<TaskMetric> metrics = task.metrics();
    List<Objective> objectives = ObjectiveFactory.build(spec.objectives());
    Map<String, String> recorded = lastRow(run.dir().resolve("epochs.csv"));
    EngineSetup.setThreads(spec.threads());
    EngineSetup.pytorchOffline();
    List<Split> out = new ArrayList<>();
    try (ai.djl.ndarray.NDManager manager = ai.djl.ndarray.NDManager.newBaseManager();
        TaskData data =
            descriptor.tensors(
                dir, spec.dataset().trainLimit(), spec.dataset().testLimit(), manager)) {
      Network net =
          compactDir == null
              ? ModelStore.load(run.dir(), manager)
              : SavedRunEvaluation.loadCompact(run, compactDir, manager);
      Map<String, TensorDataset> splits = new LinkedHashMap<>();
      splits.put(PRIMARY, data.test());
      splits.putAll(data.extraTests());
      for (Map.Entry<String, TensorDataset> s : splits.entrySet()) {
        TestSplitMetrics m =
            TestEvaluation.evaluate(
                net.block(),
                net.catalog(),
                objectives,
                metrics,
                spec.evalBatchSize(),
                s.getValue());
        List<String> columns = new ArrayList<>();
        List<Double> values = new ArrayList<>();
        for (TaskMetric metric : metrics) {
          columns.add(column(s.getKey(), metric.name()));
          values.add(m.metrics().get(metric.name()));
        }
        double[] obj = m.objectives();
        for (int i = 0; i < objectives.size(); i++) {
          columns.add(column(s.getKey(), objectives.get(i).name()));
          values.add(obj[i]);
        }
        double[] evaluated = values.stream().mapToDouble(Double::doubleValue).toArray();
        double[] before = new double[columns.size()];
        for (int i = 0; i < before.length; i++) {
          String v = recorded.get(columns.get(i));
          before[i] = v == null || v.isEmpty() ? Double.NaN : Double.parseDouble(v);
        }
        out.add(new Split(s.getKey(), s.getValue().size(), columns, evaluated, before));
      }
    }
    return out;
  }

  /**
   * Writes the further splits the run did not record into its last epoch's row and its manifest,
   * holding the results folder's lock so no suite writes meanwhile.
   *
   * @return the names of the splits written, in order; empty when the run had them all
   */
  public static List<String> recordMissing(SavedRun run, List<Split> splits) throws IOException {
    List<Split> missing =
        splits.stream().filter(s -> !s.name().equals(PRIMARY) && !s.recordedByRun()).toList();
    if (missing.isEmpty()) {
      return List.of();
    }
    try (ResultsLock lock = ResultsLock.acquire(resultsFolder(run.dir()))) {
      Path csv = run.dir().resolve("epochs.csv");
      Table epochs = readAsText(csv);
      int last = epochs.rowCount() - 1;
      int at =
          epochs.columnNames().contains("dense_nonzeros")
              ? epochs.columnIndex("dense_nonzeros")
              : epochs.columnCount();
      for (Split s : missing) {
        for (int i = 0; i < s.columns().size(); i++) {
          String name = s.columns().get(i);
          StringColumn c;
          if (epochs.containsColumn(name)) {
            c = epochs.stringColumn(name);
          } else {
            c = StringColumn.create(name, epochs.rowCount());
            epochs.insertColumn(at++, c);
          }
          c.set(last, Double.toString(s.evaluated()[i]));
        }
      }
      SuiteSummary.writeAtomically(epochs, csv);
      Path manifestFile = run.dir().resolve("manifest.json");
      ObjectNode manifest = (ObjectNode) RunExecutor.JSON.readTree(manifestFile.toFile());
      ArrayNode listed =
          manifest.has("testSplits")
              ? (ArrayNode) manifest.get("testSplits")
              : manifest.putArray("testSplits");
      ArrayNode late =
          manifest.has("lateTestSplits")
              ? (ArrayNode) manifest.get("lateTestSplits")
              : manifest.putArray("lateTestSplits");
      String now = Instant.now().toString();
      String git = GitCommit.of(run.dir().toAbsolutePath());
      for (Split s : missing) {
        if (!contains(listed, s.name())) {
          listed.add(s.name());
        }
        ObjectNode entry = late.addObject();
        entry.put("split", s.name());
        entry.put("epoch", last + 1);
        entry.put("evaluatedAt", now);
        entry.put("gitCommit", git);
      }
      AtomicFiles.writeString(manifestFile, RunExecutor.JSON.writeValueAsString(manifest));
    }
    return missing.stream().map(Split::name).toList();
  }

  private static boolean contains(ArrayNode array, String value) {
    for (var v : array) {
      if (v.asText().equals(value)) {
        return true;
      }
    }
    return false;
  }

  /** {@code test_<metric>} for the primary split, {@code test_<split>_<metric>} for the others. */
  private static String column(String split, String name) {
    return split.equals(PRIMARY) ? "test_" + name : RunTables.splitColumn(split, name);
  }

  /**
   * The folder whose lock guards this run: the suite's results folder ({@code
   * <results>/runs/<id>}), or the one holding a Pareto search ({@code <results>/pareto/runs/<id>}).
   */
  private static Path resultsFolder(Path runDir) {
    Path holder = runDir.toAbsolutePath().getParent().getParent();
    if (holder.getFileName().toString().equals(SlurmJob.PARETO)
        && Files.exists(holder.getParent().resolve(ResultsLock.FILE))) {
      return holder.getParent();
    }
    return holder;
  }

  /** Every cell as written, so that rewriting the file changes only the cells set. */
  private static Table readAsText(Path csv) throws IOException {
    try {
      return Table.read()
          .usingOptions(CsvReadOptions.builder(csv.toFile()).columnTypes(c -> ColumnType.STRING));
    } catch (RuntimeException e) {
      throw new ResultsFolderException(csv + ": not a readable CSV: " + e.getMessage());
    }
  }

  private static Map<String, String> lastRow(Path csv) throws IOException {
    if (!Files.isRegularFile(csv)) {
      throw new ResultsFolderException(csv + ": missing; the run recorded no epochs");
    }
    Table t = readAsText(csv);
    Map<String, String> row = new LinkedHashMap<>();
    if (t.rowCount() == 0) {
      return row;
    }
    for (String c : t.columnNames()) {
      row.put(c, t.stringColumn(c).get(t.rowCount() - 1));
    }
    return row;
  }
}
