/**
 * The HTTP-independent request handling: KServe v2 (open inference protocol) metadata, health and JSON-tensor
 * inference, and {@code /v1/detect}. Handlers take bytes and parameters and return a {@link
 * dev.prodet.serve.internal.api.Reply} or throw an {@link dev.prodet.api.serve.ApiException} that names the
 * problem; the servlets only move bytes.
 */
package dev.prodet.serve.internal.api;
