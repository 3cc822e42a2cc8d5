/** Bundle activation: offline and telemetry switches that must be set before DJL is first used. */
package dev.prodet.platform.djl.internal;
