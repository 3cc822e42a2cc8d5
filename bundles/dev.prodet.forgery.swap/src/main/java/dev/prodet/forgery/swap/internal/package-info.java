/**
 * The face-swap generator component, a stand-in for real deepfakes, and its geometry: a Bowyer–Watson Delaunay
 * triangulation, a piecewise-affine warp over it and a feathered blend weight. Not exported.
 */
package dev.prodet.forgery.swap.internal;
