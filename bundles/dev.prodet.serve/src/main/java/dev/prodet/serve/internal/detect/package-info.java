/**
 * {@code /v1/detect}: decode, find and align faces with the face preprocessor the model was trained with (or take
 * the image as an aligned crop), normalise as training did ({@link dev.prodet.api.model.InputTensors}), run the
 * model and turn {@code p_fake} into fakeness and label.
 */
package dev.prodet.serve.internal.detect;
