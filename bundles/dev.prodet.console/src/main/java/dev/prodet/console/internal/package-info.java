/**
 * The web console: static pages (Detect, Models, Training) served from this bundle through the HTTP whiteboard,
 * with the security headers every page gets. The pages call the runtime's own APIs ({@code /v1/detect},
 * {@code /v2/...}) and, in the training runtime, {@code /console/api/training/...}.
 */
package dev.prodet.console.internal;
