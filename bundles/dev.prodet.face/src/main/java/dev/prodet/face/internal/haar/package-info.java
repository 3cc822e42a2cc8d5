/**
 * The {@code haar} face-detector plugin: OpenCV's {@code haarcascade_frontalface_default.xml} (BSD-3), loaded from
 * the OpenCV natives jar that the platform bundle carries, so it needs no fetched asset.
 */
package dev.prodet.face.internal.haar;
