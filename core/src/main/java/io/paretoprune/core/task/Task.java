package io.paretoprune.core.task;

import io.paretoprune.core.plugin.Plugin;
import java.util.List;
import java.util.Map;

/**
 * The task seam: the kind of learning a data set poses, and the metrics its runs are measured by
 * (the first is the primary one: the report's axes and the front's knee use it). A data set names
 * its task ({@code DatasetDescriptor.task()}); the objectives name the data loss. Register an
 * implementation (public, with a public no-argument constructor) in {@code
 * META-INF/services/io.paretoprune.core.task.Task}.
 */
public interface Task extends Plugin {
  /** The metrics, primary first; names unique. */
  List<TaskMetric> metrics();

  /** None: a task is chosen by its data set. */
  @Override
  default Map<String, String> settings() {
    return Map.of();
  }

  /**
   * What the examples of this task's data sets are; models declare the kind they read ({@code
   * ModelFactory.examples()}) and a suite pairing other kinds is refused. Images unless a task says
   * otherwise.
   */
  default ExampleKind examples() {
    return ExampleKind.IMAGES;
  }

  /** The primary metric. */
  default TaskMetric primary() {
    return metrics().get(0);
  }
}
