/** The Gogo command {@code prodet:data} ({@code sample}, {@code prepare}) behind {@code ./prodet data}. */
package dev.prodet.data.internal.command;
