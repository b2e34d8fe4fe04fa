package io.paretoprune.core.task;

import ai.djl.ndarray.NDArray;
import ai.djl.ndarray.NDManager;
import ai.djl.ndarray.types.DataType;
import ai.djl.ndarray.types.Shape;

/**
 * The share of examples whose largest output is their label. Correct counts stay on the engine and
 * are read once, so a training step makes no host copy for them.
 */
public final class Accuracy implements TaskMetric {
  public static final String NAME = "accuracy";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String label() {
    return "accuracy";
  }

  @Override
  public boolean higherIsBetter() {
    return true;
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
    NDArray correct = manager.zeros(new Shape(runs), DataType.INT64);
    return new MetricAccumulator() {
      private long seenPerRun;

      @Override
      public void add(NDArray outputs, NDArray labels, boolean stacked) {
        if (stacked) {
          correct.addi(outputs.argMax(2).eq(labels).sum(new int[] {1}));
          seenPerRun += labels.getShape().get(1);
        } else {
          correct.addi(outputs.argMax(1).eq(labels).sum());
          seenPerRun += labels.getShape().get(0);
        }
      }

      @Override
      public double[] values() {
        long[] right = correct.toLongArray();
        double[] out = new double[runs];
        for (int r = 0; r < runs; r++) {
          out[r] = seenPerRun == 0 ? Double.NaN : (double) right[r] / seenPerRun;
        }
        return out;
      }

      @Override
      public void close() {
        correct.close();
      }
    };
  }
}
