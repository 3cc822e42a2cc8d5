/**
 * Detection metrics as DeepfakeBench computes them with scikit-learn (docs/method.md §5.2): ROC AUC with tied scores
 * counted as half, the ROC points and EER, average precision, accuracy at a threshold, video-level grouping and
 * bootstrap intervals. Pure Java, no engine.
 */
package dev.prodet.eval.internal.metrics;
