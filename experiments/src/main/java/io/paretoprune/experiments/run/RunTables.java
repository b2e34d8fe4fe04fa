package io.paretoprune.experiments.run;

import io.paretoprune.core.train.result.EpochMetrics;
import io.paretoprune.core.train.result.LayerStats;
import io.paretoprune.core.train.result.TestSplitMetrics;
import io.paretoprune.core.train.result.WeightStats;
import java.util.List;
import tech.tablesaw.api.DoubleColumn;
import tech.tablesaw.api.IntColumn;
import tech.tablesaw.api.LongColumn;
import tech.tablesaw.api.StringColumn;
import tech.tablesaw.api.Table;

/** A run's per-epoch and per-layer figures as Tablesaw tables (docs/results-format.md). */
public final class RunTables {
  private RunTables() {}

  public static Table epochs(String runId, String label, long seed, List<EpochMetrics> history) {
    Table t = Table.create("epochs");
    StringColumn id = StringColumn.create("run_id");
    StringColumn lab = StringColumn.create("label");
    LongColumn sd = LongColumn.create("seed");
    IntColumn ep = IntColumn.create("epoch");
    t.addColumns(id, lab, sd, ep);
    if (history.isEmpty()) {
      return t;
    }
    EpochMetrics first = history.get(0);
    List<String> names = first.objectiveNames();
    for (String n : names) {
      t.addColumns(DoubleColumn.create("train_" + n), DoubleColumn.create("test_" + n));
    }
    // The task's metrics (accuracy for image classification) where test_accuracy always stood.
    List<String> metrics = List.copyOf(first.testMetrics().keySet());
    for (String metric : metrics) {
      t.addColumns(DoubleColumn.create("train_" + metric), DoubleColumn.create("test_" + metric));
    }
    // Every further test split (none for images): its metrics, then its objectives, measured as
    // the test split's are; it has no training figures to pair with.
    // The union over the epochs, in order of first appearance: a run resumed from a checkpoint
    // written before its data set had further splits has them from the resumed epochs on only.
    java.util.LinkedHashSet<String> seen = new java.util.LinkedHashSet<>();
    for (EpochMetrics m : history) {
      seen.addAll(m.extraTests().keySet());
    }
    List<String> splits = List.copyOf(seen);
    for (String split : splits) {
      for (String metric : metrics) {
        t.addColumns(DoubleColumn.create(splitColumn(split, metric)));
      }
      for (String n : names) {
        t.addColumns(DoubleColumn.create(splitColumn(split, n)));
      }
    }
    t.addColumns(
        LongColumn.create("dense_nonzeros"),
        LongColumn.create("dense_size"),
        IntColumn.create("steps"),
        DoubleColumn.create("seconds"));
    for (WeightStats w : first.weights()) {
      for (int o : w.objectives()) {
        String base = "w_" + w.group() + "_" + names.get(o);
        t.addColumns(
            DoubleColumn.create(base + "_mean"),
            DoubleColumn.create(base + "_min"),
            DoubleColumn.create(base + "_max"));
      }
      t.addColumns(
          DoubleColumn.create("dnorm_" + w.group() + "_mean"),
          LongColumn.create("stationary_" + w.group()));
    }
    // What a rule reports besides its weights (min-norm's normalisers gn, say) comes after every
    // older column, so the columns before keep their places.
    for (WeightStats w : first.weights()) {
      for (String name : w.recordedMeans().keySet()) {
        for (int o : w.objectives()) {
          t.addColumns(DoubleColumn.create(recordedColumn(name, w.group(), names.get(o))));
        }
      }
    }
    for (EpochMetrics m : history) {
      id.append(runId);
      lab.append(label);
      sd.append(seed);
      ep.append(m.epoch());
      for (int i = 0; i < names.size(); i++) {
        t.doubleColumn("train_" + names.get(i)).append(m.trainObjectives()[i]);
        t.doubleColumn("test_" + names.get(i)).append(m.testObjectives()[i]);
      }
      for (String metric : metrics) {
        t.doubleColumn("train_" + metric).append(m.trainMetrics().getOrDefault(metric, Double.NaN));
        t.doubleColumn("test_" + metric).append(m.testMetrics().getOrDefault(metric, Double.NaN));
      }
      for (String split : splits) {
        TestSplitMetrics f = m.extraTests().get(split);
        for (String metric : metrics) {
          t.doubleColumn(splitColumn(split, metric))
              .append(f == null ? Double.NaN : f.metrics().getOrDefault(metric, Double.NaN));
        }
        for (int i = 0; i < names.size(); i++) {
          t.doubleColumn(splitColumn(split, names.get(i)))
              .append(f == null ? Double.NaN : f.objectives()[i]);
        }
      }
      t.longColumn("dense_nonzeros").append(m.denseNonzeros());
      t.longColumn("dense_size").append(m.denseSize());
      t.intColumn("steps").append(m.steps());
      t.doubleColumn("seconds").append(m.seconds());
      for (WeightStats w : m.weights()) {
        int[] objs = w.objectives();
        for (int j = 0; j < objs.length; j++) {
          String base = "w_" + w.group() + "_" + names.get(objs[j]);
          t.doubleColumn(base + "_mean").append(w.mean()[j]);
          t.doubleColumn(base + "_min").append(w.min()[j]);
          t.doubleColumn(base + "_max").append(w.max()[j]);
        }
        t.doubleColumn("dnorm_" + w.group() + "_mean").append(w.meanDirectionNorm());
        t.longColumn("stationary_" + w.group()).append(w.stationarySteps());
      }
      for (WeightStats w : first.weights()) {
        WeightStats now =
            m.weights().stream().filter(x -> x.group().equals(w.group())).findFirst().orElse(w);
        int[] objs = w.objectives();
        for (String name : w.recordedMeans().keySet()) {
          double[] v = now.recordedMeans().get(name);
          for (int j = 0; j < objs.length; j++) {
            t.doubleColumn(recordedColumn(name, w.group(), names.get(objs[j])))
                .append(v == null || j >= v.length ? Double.NaN : v[j]);
          }
        }
      }
    }
    return t;
  }

  /** {@code test_SPLIT_NAME}, e.g. {@code test_real_wer}: a further test split's figure. */
  public static String splitColumn(String split, String name) {
    return "test_" + split + "_" + name;
  }

  /** {@code NAME_GROUP_OBJECTIVE_mean}, e.g. {@code gn_all_f1_mean}. */
  static String recordedColumn(String name, String group, String objective) {
    return name + "_" + group + "_" + objective + "_mean";
  }

  public static Table layers(String runId, String label, long seed, List<EpochMetrics> history) {
    StringColumn id = StringColumn.create("run_id");
    StringColumn lab = StringColumn.create("label");
    LongColumn sd = LongColumn.create("seed");
    IntColumn ep = IntColumn.create("epoch");
    StringColumn param = StringColumn.create("parameter");
    StringColumn kind = StringColumn.create("kind");
    LongColumn size = LongColumn.create("size");
    LongColumn nz = LongColumn.create("nonzeros");
    DoubleColumn sp = DoubleColumn.create("sparsity");
    DoubleColumn l1 = DoubleColumn.create("l1");
    for (EpochMetrics m : history) {
      for (LayerStats l : m.layers()) {
        id.append(runId);
        lab.append(label);
        sd.append(seed);
        ep.append(m.epoch());
        param.append(l.parameter());
        kind.append(l.kind());
        size.append(l.size());
        nz.append(l.nonzeros());
        sp.append(l.sparsity());
        l1.append(l.l1());
      }
    }
    return Table.create("layers", id, lab, sd, ep, param, kind, size, nz, sp, l1);
  }
}
