/**
 * The ground of ParetoPrune: objectives, parameter groups, the multi-objective training loop,
 * datasets and seeds. This module knows nothing of the optimizer, pruning, model, experiment or
 * reporting modules; they plug into the seams defined here.
 */
package io.paretoprune.core;
