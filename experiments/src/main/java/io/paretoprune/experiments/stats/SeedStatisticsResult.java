package io.paretoprune.experiments.stats;

import tech.tablesaw.api.Table;

/**
 * The two tables {@link SeedStatistics} produces.
 *
 * @param aggregate one row per (label, metric): {@code label, metric, n, mean, sd, ci_low, ci_high,
 *     excluded, note}; {@code n} counts completed runs with a value, {@code excluded} the runs of
 *     any other status
 * @param stats one row per (metric, label_a, label_b, test): {@code metric, label_a, label_b, test,
 *     n, statistic, p, p_holm, effect_size, effect_name, significant, note, n_a, n_b, min_p}
 */
public record SeedStatisticsResult(Table aggregate, Table stats) {}
