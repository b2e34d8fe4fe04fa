/**
 * Example plug-ins built against the public seams only: an optimizer ({@link
 * io.paretoprune.optimizers.OptimizerProvider}, {@code equal-norm}) and a pruning rule ({@link
 * io.paretoprune.pruning.PruningProvider}, {@code relative-threshold}), each registered by its own
 * {@code META-INF/services} line and found by name at run time.
 */
package io.paretoprune.example;
