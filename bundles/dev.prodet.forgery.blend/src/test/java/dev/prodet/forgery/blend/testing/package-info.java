/**
 * Test support shipped in the blend bundle's test-jar: procedurally drawn faces with iBUG-68 landmarks (no
 * third-party media) and the contract test every forgery generator bundle runs.
 */
package dev.prodet.forgery.blend.testing;
