/**
 * Tests of the edge archives (runtime/dist): native libraries per platform, a run with an empty HOME, the ARM64
 * archive under emulation.
 */
package dev.prodet.tests.dist;
