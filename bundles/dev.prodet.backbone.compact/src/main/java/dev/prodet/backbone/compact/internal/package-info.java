/** compact CPU network described in the network IR, registered as backbone plugins. */
package dev.prodet.backbone.compact.internal;
