/**
 * Shared building blocks of the blend-based forgery generators (docs/method.md §3, §4): landmark hull masks, the SBI/CBI
 * mask pipeline (random affine, elastic deformation, erosion and blur, dynamic blend ratios), mean-and-std colour
 * transfer, SBI's source augmentation, the joint photometric augmentation of a training tuple, a landmark donor
 * index and a few plain image operations. Pure Java; every random decision comes from the caller's
 * {@link java.util.random.RandomGenerator}, so equal seeds give equal pixels.
 */
@Export
@Version("1.2.0")
package dev.prodet.forgery.blend;

import org.osgi.annotation.bundle.Export;
import org.osgi.annotation.versioning.Version;
