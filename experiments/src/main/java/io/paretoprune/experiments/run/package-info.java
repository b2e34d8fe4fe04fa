/**
 * One run end to end in its own JVM ({@link io.paretoprune.experiments.run.RunMain}): data, model,
 * optimizer, pruning, training, and its directory of results written atomically. The suite runner
 * starts these processes, several at once, and resumes what is missing.
 */
package io.paretoprune.experiments.run;
