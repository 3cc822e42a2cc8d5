package dev.prodet.eval.internal.command;

/**
 * A plugin service with its name and ranking, as registered.
 *
 * @param name value of {@code prodet.<kind>.name}
 * @param ranking {@code service.ranking}, 0 when absent
 * @param service the service object
 * @param <T> the service type
 */
public record Plugin<T>(String name, int ranking, T service) {}
