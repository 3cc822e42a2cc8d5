/** The runtimes under test (separate processes of the distribution) and the headless browser that drives them. */
package dev.prodet.tests.console.support;
