/**
 * Step rules: the DJL {@link ai.djl.training.optimizer.Optimizer}s that apply the combined
 * direction. DJL's {@code Sgd} and {@code Adam} are reused; {@link
 * io.paretoprune.optimizers.step.RmsPropStep} and {@link
 * io.paretoprune.optimizers.step.NesterovSgd} are written here with Keras semantics because DJL's
 * {@code RmsProp} and {@code Nag} throw on the PyTorch engine. {@link
 * io.paretoprune.optimizers.step.StepRules} builds any of them from a suite's settings.
 */
package io.paretoprune.optimizers.step;
