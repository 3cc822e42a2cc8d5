/**
 * Integration tests of the edge runtime over HTTP, and the serving benchmark (tag {@code benchmark}, run on
 * request).
 */
package dev.prodet.tests.serve;
