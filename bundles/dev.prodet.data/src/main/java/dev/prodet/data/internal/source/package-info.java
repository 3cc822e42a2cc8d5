/**
 * Dataset layout adapters: they list the source videos and stills of a dataset on disk with their video id,
 * identity, label and split. Plain folders ({@code real/}, {@code fake/}), FaceForensics++ (its folder layout and
 * official split files) and Celeb-DF v2 (its test list).
 */
package dev.prodet.data.internal.source;
