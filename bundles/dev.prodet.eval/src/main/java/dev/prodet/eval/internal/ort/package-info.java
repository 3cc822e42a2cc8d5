/**
 * The {@code onnx} scorer plugin: model packages (model.onnx + model.json) scored by ONNX Runtime, the engine the
 * edge runtime serves them with, so evaluated numbers are the numbers users get.
 */
package dev.prodet.eval.internal.ort;
