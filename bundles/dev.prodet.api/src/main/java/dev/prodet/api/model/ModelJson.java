package dev.prodet.api.model;

import com.fasterxml.jackson.core.JacksonException;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.databind.exc.ValueInstantiationException;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;

/** Reads and writes {@code model.json} strictly, turning Jackson errors into messages that name file and key. */
final class ModelJson {

    // Strict on purpose: a misspelt key or a missing field in a deployment file must fail, not be defaulted.
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_MISSING_CREATOR_PROPERTIES)
            .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
            .build();

    private ModelJson() {}

    static byte[] toBytes(ModelMetadata md) throws IOException {
        byte[] json = MAPPER.writeValueAsBytes(md);
        byte[] withNewline = new byte[json.length + 1];
        System.arraycopy(json, 0, withNewline, 0, json.length);
        withNewline[json.length] = '\n';
        return withNewline;
    }

    static ModelMetadata read(Path file) throws ModelPackageException {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw new ModelPackageException("model.json missing: " + file, file, e);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read " + file + ": " + e, file, e);
        }
        try {
            JsonNode tree = MAPPER.readTree(bytes);
            int format = tree == null ? 0 : tree.path("formatVersion").asInt(0);
            if (format > ModelMetadata.FORMAT_VERSION) {
                // before mapping: a newer file's new keys would otherwise read as mistakes
                throw new ModelPackageException(
                        file + " has formatVersion " + format + "; this code reads up to "
                                + ModelMetadata.FORMAT_VERSION + " (a newer ProDet wrote it)",
                        file);
            }
            return format >= 1 && format < ModelMetadata.FORMAT_VERSION && tree instanceof ObjectNode o
                    ? MAPPER.treeToValue(upgraded(o, format), ModelMetadata.class)
                    : MAPPER.readValue(bytes, ModelMetadata.class); // from the bytes: errors keep line and column
        } catch (UnrecognizedPropertyException e) {
            throw new ModelPackageException(
                    "unknown key '" + e.getPropertyName() + "' " + where(e) + " in " + file + "; known keys there: "
                            + e.getKnownPropertyIds(),
                    file,
                    e);
        } catch (ValueInstantiationException e) {
            // a record's compact constructor refused a value; its message names the field
            Throwable cause = e.getCause() != null ? e.getCause() : e;
            throw new ModelPackageException("invalid " + file + " " + where(e) + ": " + cause.getMessage(), file, e);
        } catch (JacksonException e) {
            throw new ModelPackageException(
                    "invalid " + file + " " + where(e) + ": " + e.getOriginalMessage(), file, e);
        } catch (IOException e) {
            throw new ModelPackageException("cannot read " + file + ": " + e, file, e);
        }
    }

    /**
     * An older file in today's terms. Version 1 had no {@code thresholdChoice}: "not chosen on data". Versions 1 and 2
     * had no {@code provenance.pretrained} (read as not recorded) and always wrote {@code framesPerVideo: 1} without
     * measuring it (read as 0, not recorded).
     */
    private static JsonNode upgraded(ObjectNode o, int format) {
        if (format == 1 && !o.has("thresholdChoice")) {
            ThresholdChoice c = ThresholdChoice.notChosen();
            o.putObject("thresholdChoice").put("rule", c.rule()).put("basis", c.basis());
        }
        if (o.get("provenance") instanceof ObjectNode p && !p.has("pretrained")) {
            p.putNull("pretrained");
            p.put("framesPerVideo", 0);
        }
        return o;
    }

    /** "at key provenance.generators[2] (line 30, column 7)", or the location alone when there is no path. */
    private static String where(JacksonException e) {
        StringBuilder sb = new StringBuilder();
        if (e instanceof JsonMappingException m && !m.getPath().isEmpty()) {
            sb.append("at key ");
            boolean first = true;
            for (JsonMappingException.Reference r : m.getPath()) {
                if (r.getFieldName() != null) {
                    sb.append(first ? "" : ".").append(r.getFieldName());
                } else if (r.getIndex() >= 0) {
                    sb.append('[').append(r.getIndex()).append(']');
                }
                first = false;
            }
            sb.append(' ');
        }
        JsonLocation loc = e.getLocation();
        if (loc != null && loc.getLineNr() > 0) {
            sb.append("(line ")
                    .append(loc.getLineNr())
                    .append(", column ")
                    .append(loc.getColumnNr())
                    .append(')');
        }
        return sb.toString().trim();
    }
}
