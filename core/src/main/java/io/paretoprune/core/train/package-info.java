/**
 * Multi-objective training: what defines a run ({@link io.paretoprune.core.train.TrainerSpec},
 * {@link io.paretoprune.core.train.TrainingConfig}, the {@link
 * io.paretoprune.core.train.CombinationPlan} of parameter groups and their combiners, the {@link
 * io.paretoprune.core.train.StepPlan}) and which runs may pack ({@link
 * io.paretoprune.core.train.Packing}). Its sub-packages:
 *
 * <ul>
 *   <li>{@code seam}: what a plug-in implements or receives: combiners, step hooks (pruning),
 *       listeners, model packers, step-rule state;
 *   <li>{@code result}: what training produces: epoch metrics, step records, the run's result;
 *   <li>{@code checkpoint}: epoch snapshots and how a trainer's state goes into them and back;
 *   <li>{@code engine}: the trainers ({@link
 *       io.paretoprune.core.train.engine.MultiObjectiveTrainer}, {@link
 *       io.paretoprune.core.train.engine.PackedTrainer}) and the one training loop behind them;
 *       everything else there is internal.
 * </ul>
 *
 * <p>Per batch: forward, the k objective gradients (autograd for data losses, analytic for
 * penalties), their Gram matrix, a combiner picks weights, the combined direction goes to a DJL
 * {@link ai.djl.training.optimizer.Optimizer} (the step rule), then step hooks such as pruning run.
 * Combining, stepping and pruning are three separate seams.
 */
package io.paretoprune.core.train;
