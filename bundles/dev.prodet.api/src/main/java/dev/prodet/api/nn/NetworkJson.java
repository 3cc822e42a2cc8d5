package dev.prodet.api.nn;

import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.SerializationFeature;
import com.fasterxml.jackson.databind.json.JsonMapper;
import java.io.IOException;
import java.io.UncheckedIOException;

/** JSON form of a {@link Network}, so checkpoints and model packages can carry the description. */
public final class NetworkJson {
    private static final ObjectMapper MAPPER = JsonMapper.builder()
            .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
            .enable(SerializationFeature.INDENT_OUTPUT)
            .build();

    private NetworkJson() {}

    public static String write(Network network) {
        try {
            return MAPPER.writeValueAsString(network);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Reads a network; an unknown operation or key is an error naming it. */
    public static Network read(String json) throws IOException {
        return MAPPER.readValue(json, Network.class);
    }
}
