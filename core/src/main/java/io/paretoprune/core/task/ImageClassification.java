package io.paretoprune.core.task;

import java.util.List;

/** Images with one class label each (MNIST, Fashion-MNIST, CIFAR-10), measured by accuracy. */
public final class ImageClassification implements Task {
  public static final String NAME = "image-classification";

  @Override
  public String name() {
    return NAME;
  }

  @Override
  public String description() {
    return "one class label per example, measured by accuracy";
  }

  @Override
  public List<TaskMetric> metrics() {
    return List.of(new Accuracy());
  }
}
