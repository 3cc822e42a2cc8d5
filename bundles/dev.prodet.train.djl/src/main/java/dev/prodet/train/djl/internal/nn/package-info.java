/**
 * The DJL lowering of the network description: one {@link dev.prodet.train.djl.internal.nn.GraphBlock} holds a DJL
 * parameter per IR parameter, under the IR's names, and evaluates the graph with DJL operators.
 */
package dev.prodet.train.djl.internal.nn;
