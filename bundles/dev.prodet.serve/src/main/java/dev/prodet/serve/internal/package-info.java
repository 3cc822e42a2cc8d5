/**
 * The edge runtime's wiring: {@link dev.prodet.serve.internal.EdgeServer} reads the settings (configuration PID
 * {@code dev.prodet.serve}, else framework properties {@code prodet.serve.*}), builds the model repository,
 * inference and HTTP parts, registers the servlets on the whiteboard and polls the repository.
 */
package dev.prodet.serve.internal;
