/**
 * Reports people can look at: the self-contained HTML page of an experiment ({@link
 * org.mer4j.experiments.report.ExperimentReport}: table, learning curves, confusion matrices,
 * precision-recall curves, per-subject and per-group breakdowns, provenance), drawn with Apache
 * ECharts ({@link org.mer4j.experiments.report.EChartsPage}); the computations behind them as small
 * classes that read only run folders; and the side-by-side comparison of two runs or experiments
 * ({@link org.mer4j.experiments.report.RunComparison}).
 */
package org.mer4j.experiments.report;
