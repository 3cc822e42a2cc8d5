/**
 * The model repository {@code <root>/<name>/<version>/} (Triton's layout): polling and explicit load/unload,
 * version policies (latest N, all, specific), each version verified and loaded beside the ones serving, swapped in
 * atomically, and closed only when its last in-flight request has finished (reference counting). A broken version
 * leaves the serving ones in place and is reported.
 */
package dev.prodet.serve.internal.repo;
