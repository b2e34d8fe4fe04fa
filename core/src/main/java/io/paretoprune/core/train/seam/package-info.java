/**
 * What a plug-in implements or receives from the trainer: {@link
 * io.paretoprune.core.train.seam.GradientCombiner} (the multi-objective rule), {@link
 * io.paretoprune.core.train.seam.StepHook} with its {@link
 * io.paretoprune.core.train.seam.HookContext} (pruning), {@link
 * io.paretoprune.core.train.seam.TrainingListener}, {@link
 * io.paretoprune.core.train.seam.ModelPacker} (a model's packed forward pass) and {@link
 * io.paretoprune.core.train.seam.StepRuleState}.
 */
package io.paretoprune.core.train.seam;
