/** EfficientNet B0/B4 (efficientnet-pytorch 0.7.1 block configuration) described in the network IR, registered as backbone plugins. */
package dev.prodet.backbone.efficientnet.internal;
