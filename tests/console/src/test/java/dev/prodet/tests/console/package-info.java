/** Browser tests of the web console against the distribution's edge and training runtimes. */
package dev.prodet.tests.console;
