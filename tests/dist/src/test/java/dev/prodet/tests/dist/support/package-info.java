/** Edge archives, unpacked and run as an operator would, and the ELF header reader that checks their natives. */
package dev.prodet.tests.dist.support;
