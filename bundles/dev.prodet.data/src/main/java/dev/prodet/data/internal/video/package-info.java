/**
 * Frame sampling from videos with JavaCV's {@code FFmpegFrameGrabber}: N frames evenly spaced over the whole video
 * (DeepfakeBench: {@code linspace(0, n−1, 32)}), decoded in one sequential pass.
 */
package dev.prodet.data.internal.video;
