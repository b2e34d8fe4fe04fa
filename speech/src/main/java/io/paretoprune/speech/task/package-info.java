/**
 * Speech recognition as a ParetoPrune task: the spoken-number corpus as a data set, CTC as the data
 * loss an objective names ({@code loss: ctc}), and greedy-decoded word and character error rates as
 * the task's metrics.
 */
package io.paretoprune.speech.task;
