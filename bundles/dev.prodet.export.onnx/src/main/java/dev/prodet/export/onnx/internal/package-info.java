/** IR → ONNX lowering, the model package exporter service and its parity check (private to the bundle). */
package dev.prodet.export.onnx.internal;
