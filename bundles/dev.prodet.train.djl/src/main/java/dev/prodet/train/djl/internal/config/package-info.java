/** Experiment configuration: the YAML files in {@code configs/experiments}, read strictly with Jackson. */
package dev.prodet.train.djl.internal.config;
