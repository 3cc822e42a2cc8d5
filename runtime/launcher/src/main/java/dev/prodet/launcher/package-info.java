/**
 * The ProDet launcher: starts an Apache Felix framework from OSGi Feature JSON files (read with the Felix feature
 * implementation), hands their configurations and {@code configs/osgi/*.json} to the Configurator, installs the
 * bundles from the distribution's own bundle folder, and optionally runs one Gogo command and exits with its status.
 */
package dev.prodet.launcher;
