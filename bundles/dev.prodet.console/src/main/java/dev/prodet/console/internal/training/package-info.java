/**
 * The Training page's API ({@code /console/api/training/...}): runs of this runtime and of the workspace's
 * {@code runs/} folder, their {@code scalars.jsonl} read on from a byte offset, checkpoints, a regularizer swap
 * addressed to a run, and export. Present only in a runtime with a trainer.
 */
package dev.prodet.console.internal.training;
