/**
 * The HTML report of a suite: one self-contained page with a summary table, training curves,
 * sparsity per layer, the chosen weights, accuracy against nonzeros, the Pareto front when a search
 * ran, and the run manifests. Figures are drawn with JFreeChart into SVG (JFreeSVG), inlined in the
 * page and saved beside it for papers; nothing is loaded from the network.
 */
package io.paretoprune.reporting;
