package io.paretoprune.experiments.stats;

/**
 * A results table (such as {@code summary.csv}) does not have the shape the statistics need: a
 * column is missing or of the wrong type, or a run appears twice. The message names the table and
 * the column.
 */
public class SummaryFormatException extends RuntimeException {
  private static final long serialVersionUID = 1L;

  public SummaryFormatException(String table, String problem) {
    super("summary table '" + table + "': " + problem);
  }
}
