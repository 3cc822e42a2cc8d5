/**
 * Video input for {@code /v1/detect}: MP4 and WebM recognised by their first bytes, demuxed and decoded in memory
 * with FFmpeg's libraries, frames sampled evenly as data preparation samples them, each bounded in size, length,
 * threads and memory like images are.
 */
package dev.prodet.serve.internal.video;
