/**
 * What training produces: per epoch {@link io.paretoprune.core.train.result.EpochMetrics} (the
 * objectives, the task's metrics, the chosen weights, per-layer sparsity), per step {@link
 * io.paretoprune.core.train.result.StepRecord}, and a run's {@link
 * io.paretoprune.core.train.result.TrainingResult}.
 */
package io.paretoprune.core.train.result;
