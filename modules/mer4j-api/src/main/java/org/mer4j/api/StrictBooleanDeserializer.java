package org.mer4j.api;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.DeserializationContext;
import com.fasterxml.jackson.databind.deser.std.StdDeserializer;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import java.io.IOException;

/**
 * A strict JSON reader for yes/no labels: accepts {@code true}, {@code false} and the integers
 * {@code 0} and {@code 1} (as many corpora ship them); anything else ({@code 2}, {@code "yes"},
 * {@code "true"}, {@code 1.0}) fails instead of being coerced. JSON {@code null} stays null.
 * Used on the boolean components of {@link ClipLabels} through {@code @JsonDeserialize}.
 */
public final class StrictBooleanDeserializer extends StdDeserializer<Boolean> {
    private static final long serialVersionUID = 1L;

    public StrictBooleanDeserializer() {
        super(Boolean.class);
    }

    @Override
    public Boolean deserialize(JsonParser p, DeserializationContext ctxt) throws IOException {
        JsonToken t = p.currentToken();
        if (t == JsonToken.VALUE_TRUE) {
            return Boolean.TRUE;
        }
        if (t == JsonToken.VALUE_FALSE) {
            return Boolean.FALSE;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && "0".equals(p.getText())) {
            return Boolean.FALSE;
        }
        if (t == JsonToken.VALUE_NUMBER_INT && "1".equals(p.getText())) {
            return Boolean.TRUE;
        }
        throw new NotABooleanException(p, "is " + shown(p, t) + "; use true or false (0 and 1 are accepted too)");
    }

    /** The value of a strict boolean was neither true/false nor 0/1; the message says so and what to write. */
    public static final class NotABooleanException extends MismatchedInputException {
        private static final long serialVersionUID = 1L;

        NotABooleanException(JsonParser p, String message) {
            super(p, message, Boolean.class);
        }
    }

    private static String shown(JsonParser p, JsonToken t) throws IOException {
        if (t == JsonToken.VALUE_STRING) {
            return "\"" + Excerpt.of(p.getText()) + "\"";
        }
        if (t == JsonToken.START_OBJECT) {
            return "an object";
        }
        if (t == JsonToken.START_ARRAY) {
            return "an array";
        }
        return Excerpt.of(p.getText());
    }
}
