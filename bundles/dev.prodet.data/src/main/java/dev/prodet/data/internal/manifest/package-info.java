/**
 * The JSON dataset manifest ({@code manifest.json}): per video its source, id, identity, label, split and the
 * sampled frames, each with the crop's and landmark file's relative paths and SHA-256; plus the helpers that write
 * crops (PNG) and landmarks ({@code .npy}, float32 [points, 2]).
 */
package dev.prodet.data.internal.manifest;
