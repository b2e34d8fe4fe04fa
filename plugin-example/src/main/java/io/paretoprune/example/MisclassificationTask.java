package io.paretoprune.example;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import io.paretoprune.core.task.Accuracy;
import io.paretoprune.core.task.MetricAccumulator;
import io.paretoprune.core.task.Task;
import io.paretoprune.core.task.TaskMetric;
import java.util.List;

/**
 * A task plug-in: classification measured by its error rate ({@code error} = 1 - accuracy, lower is
 * better) and accuracy second. A data set chooses it by name ({@link DigitsByErrorDataset}).
 */
public final class MisclassificationTask implements Task {
  @Override
  public String name() {
    return "misclassification";
  }

  @Override
  public String description() {
    return "classification measured by its error rate (1 - accuracy), lower is better";
  }

  @Override
  public List<TaskMetric> metrics() {
    return List.of(new ErrorRate(), new Accuracy());
  }

  /** The share of examples whose largest output is not their label. */
  static final class ErrorRate implements TaskMetric {
    @Override
    public String name() {
      return "error";
    }

    @Override
    public String label() {
      return "error rate";
    }

    @Override
    public boolean higherIsBetter() {
      return false;
    }

    @Override
    public double min() {
      return 0;
    }

    @Override
    public double max() {
      return 1;
    }

    @Override
    public MetricAccumulator start(NDManager manager, int runs) {
      MetricAccumulator accuracy = new Accuracy().start(manager, runs);
      return new MetricAccumulator() {
        @Override
        public void add(NDArray outputs, NDArray labels, boolean stacked) {
          accuracy.add(outputs, labels, stacked);
        }

        @Override
        public double[] values() {
          double[] v = accuracy.values();
          for (int r = 0; r < v.length; r++) {
            v[r] = 1 - v[r];
          }
          return v;
        }

        @Override
        public void close() {
          accuracy.close();
        }
      };
    }
  }
}
