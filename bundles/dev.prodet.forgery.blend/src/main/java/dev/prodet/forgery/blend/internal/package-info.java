/**
 * Pixel-level building blocks behind the exported blending API: Gaussian kernels and separable filters, resizing,
 * affine warps and remaps, convex hulls and polygon fills, OpenCV-compatible HSV conversion, lookup-table
 * photometric operations and JPEG round trips. Not exported; the semantics follow OpenCV 4.6 / SciPy as used by the
 * original Python code (docs/method.md §4, §9).
 */
package dev.prodet.forgery.blend.internal;
