/**
 * Test support: the edge runtime as a separate process on a free loopback port ({@link
 * dev.prodet.tests.serve.support.EdgeRuntime}), model packages made in the test JVM and scored there with plain ONNX
 * Runtime ({@link dev.prodet.tests.serve.support.Reference}).
 */
package dev.prodet.tests.serve.support;
