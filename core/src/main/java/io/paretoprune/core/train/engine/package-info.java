/**
 * The trainers and the one training loop: {@link
 * io.paretoprune.core.train.engine.MultiObjectiveTrainer} (one run) and {@link
 * io.paretoprune.core.train.engine.PackedTrainer} (R runs as one packed network) both train through
 * {@code StepEngine}; they differ only in {@code RunsForward}. {@link
 * io.paretoprune.core.train.engine.FlatParameters} is public for hooks that work on the flat
 * parameter array; every other class here is internal.
 */
package io.paretoprune.core.train.engine;
