/**
 * Objectives: a batch loss that autograd differentiates (cross-entropy) plus analytic penalties on
 * selected parameters (L1 with gradient sign(w), L2 with gradient 2w, group lasso with gradient w_u
 * / ||w_u|| per unit). An objective is the sum of its terms; a training problem is a list of
 * objectives.
 */
package io.paretoprune.core.objective;
