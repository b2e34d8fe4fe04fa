/**
 * The HTML report of a suite: one self-contained page with a summary table, training curves,
 * sparsity per layer, the chosen weights, accuracy against nonzeros, the Pareto front when a search
 * ran, and the run manifests. Figures are drawn with JFreeChart into SVG (JFreeSVG), inlined in the
 * page and saved beside it for papers; nothing is loaded from the network.
 *
 * <p>One class per figure ({@code *Figure}: its name, section, caption and chart, or null when the
 * results have no data for it), one per part of the page ({@code *Section}, {@link
 * io.paretoprune.reporting.ReportPage} the shell); the axes, tables and captions follow the task's
 * primary metric ({@link io.paretoprune.reporting.ResultsTask}, task.json; accuracy without it).
 */
package io.paretoprune.reporting;
