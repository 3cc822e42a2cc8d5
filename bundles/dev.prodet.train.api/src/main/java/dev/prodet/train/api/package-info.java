/**
 * The training SPI, on DJL types: regularizer strategies (how the latent space is organised and what the losses
 * are), the trainer and its runs, and listeners that follow a run (progress, checkpoints, strategy hot swaps).
 * Serving code never needs this package; it lives apart from {@code dev.prodet.api} so the edge runtime carries no
 * DJL.
 */
@Export
@Version("1.1.0")
package dev.prodet.train.api;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
