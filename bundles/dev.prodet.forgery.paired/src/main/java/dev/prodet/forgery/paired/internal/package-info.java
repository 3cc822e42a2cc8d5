/**
 * The paired deepfake generator component: for a real frame, the manipulated frame of the same source video and
 * time that the dataset pairs with it. Not exported.
 */
package dev.prodet.forgery.paired.internal;
