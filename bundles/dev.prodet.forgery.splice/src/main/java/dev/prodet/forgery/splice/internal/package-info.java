/** Forgery generator plugin "splice": a crude face splice, for evaluating on a forgery type not trained on. */
package dev.prodet.forgery.splice.internal;
