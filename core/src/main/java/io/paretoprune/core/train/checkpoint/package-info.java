/**
 * Epoch checkpoints: a {@link io.paretoprune.core.train.checkpoint.TrainerSnapshot} of weights,
 * step-rule, combiner and hook state and history, the {@link
 * io.paretoprune.core.train.checkpoint.CheckpointStore} a run keeps them in, and the codec that
 * takes a trainer's state into a snapshot and back.
 */
package io.paretoprune.core.train.checkpoint;
