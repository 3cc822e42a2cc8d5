/** MobileNetV2 described in the network IR with Keras's layer names, registered as a backbone plugin. */
package dev.prodet.backbone.mobilenet.internal;
