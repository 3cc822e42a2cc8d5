package dev.prodet.spark.internal.scan;

import java.io.Serializable;

/**
 * The model package a scan uses, as every output row records it.
 *
 * @param name model name from {@code model.json}
 * @param version model version
 * @param sha256 SHA-256 of {@code model.onnx}, verified on the driver and again where it is loaded
 * @param threshold fakeness at or above which a media item is labelled fake
 */
public record ModelRef(String name, String version, String sha256, double threshold) implements Serializable {
    private static final long serialVersionUID = 1L;
}
