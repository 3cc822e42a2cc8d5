/**
 * A minimal protocol-buffers encoder for the few ONNX messages the exporter writes. Messages are trees whose sizes
 * are computed before writing, so a 100-million-parameter model streams to disk without being copied in memory.
 */
package dev.prodet.export.onnx.internal.proto;
