/** The DJL trainer: training loop, checkpoints and progress (private to the bundle). */
package dev.prodet.train.djl.internal;
