/**
 * Running one model version: an ONNX Runtime session per version ({@link dev.prodet.serve.internal.infer.OrtModel}),
 * CPU by default and CUDA when configured and present, and the runners in front of it: direct (bounded concurrency)
 * or dynamic batching (maximum batch size, maximum delay).
 */
package dev.prodet.serve.internal.infer;
