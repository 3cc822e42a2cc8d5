/** ResNet-18/34 described in the network IR, registered as backbone plugins. */
package dev.prodet.backbone.resnet.internal;
