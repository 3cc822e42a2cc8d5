/**
 * Bounded work and memory: a fixed set of worker threads behind a bounded queue, and a byte budget that every
 * request reserves from before it allocates. Refusals are immediate (429 or 503 with {@code Retry-After}).
 */
package dev.prodet.serve.internal.load;
