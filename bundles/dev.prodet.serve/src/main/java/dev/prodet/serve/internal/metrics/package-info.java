/**
 * Prometheus metrics of the edge runtime through the maintained Prometheus Java client (embedded in this bundle):
 * requests by endpoint and status, latency histograms per request and per stage, batch sizes, model readiness and
 * load failures, and detections by label (a drift signal).
 */
package dev.prodet.serve.internal.metrics;
