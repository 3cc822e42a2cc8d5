/**
 * Jetty-specific glue: the protocol's JSON error object for the errors Jetty answers itself, installed through Felix
 * HTTP's {@code ConnectorFactory} hook.
 */
package dev.prodet.serve.internal.http.jetty;
