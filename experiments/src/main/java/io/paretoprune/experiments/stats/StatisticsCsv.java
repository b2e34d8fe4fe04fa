package io.paretoprune.experiments.stats;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;

/** Writes a {@link SeedStatisticsResult} as {@code aggregate.csv} and {@code stats.csv}. */
public final class StatisticsCsv {
  public static final String AGGREGATE_FILE = "aggregate.csv";
  public static final String STATS_FILE = "stats.csv";

  private StatisticsCsv() {}

  /**
   * Writes both tables into {@code directory} (created if absent). Missing values (NaN, an empty
   * {@code significant}) are written as empty fields.
   */
  public static void write(SeedStatisticsResult result, Path directory) {
    try {
      Files.createDirectories(directory);
      result.aggregate().write().csv(directory.resolve(AGGREGATE_FILE).toFile());
      result.stats().write().csv(directory.resolve(STATS_FILE).toFile());
    } catch (IOException e) {
      throw new UncheckedIOException("cannot write statistics to " + directory, e);
    }
  }
}
