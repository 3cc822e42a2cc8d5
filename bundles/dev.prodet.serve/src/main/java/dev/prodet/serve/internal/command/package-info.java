/**
 * Gogo commands of scope {@code prodet} for the edge runtime: {@code serve-status}, {@code models} (list, load,
 * unload) and {@code detect} (score one image file with the serving model, as {@code /v1/detect} would).
 */
package dev.prodet.serve.internal.command;
