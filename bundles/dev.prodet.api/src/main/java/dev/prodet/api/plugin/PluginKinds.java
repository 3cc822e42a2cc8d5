package dev.prodet.api.plugin;

import java.util.List;

/** The plugin kinds the platform itself consumes. Third parties may add kinds; these are the well-known ones. */
public final class PluginKinds {
    /** Forgery generators (SBI, CBI, face swap, ...). */
    public static final String GENERATOR = "generator";
    /** Backbone network descriptions. */
    public static final String BACKBONE = "backbone";
    /** Regularizer strategies (ProDet OPR variants, VHT, ...). */
    public static final String REGULARIZER = "regularizer";
    /** Trainers. */
    public static final String TRAINER = "trainer";
    /** Face detectors. */
    public static final String FACEDETECTOR = "facedetector";

    /** All well-known kinds, in display order. */
    public static final List<String> ALL = List.of(GENERATOR, BACKBONE, REGULARIZER, TRAINER, FACEDETECTOR);

    private PluginKinds() {}
}
