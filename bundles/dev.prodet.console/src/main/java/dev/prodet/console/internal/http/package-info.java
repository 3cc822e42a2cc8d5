/** What the console's JSON endpoints share: the bearer token, same-origin writes, JSON answers and errors. */
package dev.prodet.console.internal.http;
