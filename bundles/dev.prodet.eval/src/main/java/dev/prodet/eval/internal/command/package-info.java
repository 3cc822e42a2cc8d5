/**
 * The Gogo command {@code prodet:eval}: resolves the model (the scorer plugin that accepts it), the datasets (the
 * {@code prepared} dataset provider) and the report folder, runs the evaluation and writes the report.
 */
package dev.prodet.eval.internal.command;
