/**
 * Image input: JPEG and PNG only, recognised by their magic bytes. Size, samples, bit depth, EXIF orientation and
 * (JPEG) the number of scans are read from the bytes before a pixel is decoded; the decoded size is reserved from the
 * memory budget; large images are decoded at reduced resolution; every decoder warning (truncation, corrupt data) is
 * an error; the result is turned upright.
 */
package dev.prodet.serve.internal.image;
