/** The CBI generator component: cross-blended images with nearest-landmark donors (docs/method.md §4.2). Not exported. */
package dev.prodet.forgery.cbi.internal;
