/** Training batches: aligned 4-tuples made on the fly by the forgery generator plugins, prefetched by workers. */
package dev.prodet.train.djl.internal.data;
