/**
 * Image input: JPEG and PNG only, recognised by their magic bytes; the declared width and height are read from the
 * header and checked against the limits before a single pixel is decoded; decoding (ImageIO) treats every decoder
 * warning (truncation, corrupt data) as an error.
 */
package dev.prodet.serve.internal.image;
