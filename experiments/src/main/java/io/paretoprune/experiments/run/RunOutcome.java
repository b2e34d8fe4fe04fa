package io.paretoprune.experiments.run;

/**
 * How one run of a suite ended as seen by the runner.
 *
 * @param status completed, diverged, failed (the process died or erred), skipped (already done)
 * @param message the error line for failed runs, the log file's path in it
 */
public record RunOutcome(String runId, String status, String message) {}
