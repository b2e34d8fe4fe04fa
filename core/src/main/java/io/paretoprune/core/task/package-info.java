/**
 * The task seam: what a run learns from besides its objectives. A {@link
 * io.paretoprune.core.task.Task} names the metrics its runs are measured by ({@link
 * io.paretoprune.core.task.TaskMetric}: accuracy for image classification); the trainer evaluates
 * them on the training batches and the test split, and the results' columns ({@code train_<name>},
 * {@code test_<name>}), statistics and report follow their names.
 */
package io.paretoprune.core.task;
