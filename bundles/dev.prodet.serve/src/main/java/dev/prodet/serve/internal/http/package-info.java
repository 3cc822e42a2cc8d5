/**
 * Jakarta servlets on the Felix HTTP (Jetty 12) whiteboard: {@code /v2/*} (KServe v2), {@code /v1/detect} and
 * {@code /metrics}. They read bounded bodies, check the optional bearer token, call the handlers of
 * {@code dev.prodet.serve.internal.api} and write JSON; every answer, errors included, is JSON and counted.
 */
package dev.prodet.serve.internal.http;
