/**
 * Gogo commands of scope {@code prodet} and the runner that executes one command for {@code ./prodet <verb>}.
 * Nothing here is exported: the commands are services, found by Gogo through their {@code osgi.command.*}
 * properties.
 */
package dev.prodet.cli.internal;
