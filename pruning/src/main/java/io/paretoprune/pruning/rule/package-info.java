/** The pruning rules: threshold (the paper's), magnitude towards a target, random (the control). */
package io.paretoprune.pruning.rule;
