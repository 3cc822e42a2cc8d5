/**
 * The report folder of an evaluation: report.json, auc_table.md/.csv, predictions.csv, ROC, robustness and
 * feature-map plots as PNG and SVG (JFreeChart + JFreeSVG, headless) and an index.html that shows them all.
 */
package dev.prodet.eval.internal.report;
