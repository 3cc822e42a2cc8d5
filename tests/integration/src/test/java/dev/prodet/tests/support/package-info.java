/** Test support: provisioning Pax Exam frameworks from the real feature files and the distribution folder. */
package dev.prodet.tests.support;
