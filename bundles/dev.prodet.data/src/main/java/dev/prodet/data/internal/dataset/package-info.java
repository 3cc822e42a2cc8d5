/**
 * Opening a prepared dataset folder (its {@code manifest.json}) as a {@link dev.prodet.api.data.Dataset} of aligned
 * face samples, and the {@code prepared} dataset-provider plugin.
 */
package dev.prodet.data.internal.dataset;
