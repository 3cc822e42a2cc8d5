/**
 * The engine-neutral network description (IR): a typed graph of operations with named, shaped parameters, built
 * with {@link dev.prodet.api.nn.NetworkBuilder} and serialisable to JSON. Both the DJL training network and the ONNX
 * export are generated from one {@link dev.prodet.api.nn.Network}, so no architecture is written twice. Standard
 * composites (squeeze-and-excitation, MBConv, residual blocks, the ProDet head) are builder functions emitting
 * primitive operations; backbone plugins implement {@link dev.prodet.api.nn.Backbone}. Published weights
 * (safetensors) load into a description through {@link dev.prodet.api.nn.PretrainedWeights}, with the name maps
 * ({@link dev.prodet.api.nn.WeightNames}) each backbone offers.
 */
@Export
@Version("1.3.0")
package dev.prodet.api.nn;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
