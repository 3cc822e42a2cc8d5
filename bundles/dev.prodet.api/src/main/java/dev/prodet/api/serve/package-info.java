/**
 * Detection as the edge runtime offers it: an encoded image in, a fakeness score with label, faces and timings
 * out. Used by the HTTP endpoints and the {@code prodet:detect} command. {@link dev.prodet.api.serve.ServeToken}: the
 * bearer token rule the runtime and the web console share; {@link dev.prodet.api.serve.ApiException}: the error answer
 * both give.
 */
@Export
@Version("1.2.0")
package dev.prodet.api.serve;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
