package dev.plugboard.adapter.rest.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import io.micronaut.json.JsonSyntaxException;
import io.micronaut.serde.exceptions.SerdeException;

import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Rewrites a JSON parser's complaint about a request body into a sentence for the client: what
 * was wrong and where, without the parser's class names and token jargon.
 */
final class BodyErrors {

    private static final Pattern LOCATION = Pattern.compile("line: (\\d+), column: (\\d+)");
    private static final Pattern TOKENS = Pattern.compile("Unexpected token (\\w+), expected (\\w+)");
    private static final Pattern PROPERTY = Pattern.compile("Error decoding property \\[[^\\]]*?(\\w+)\\]");
    private static final Map<String, String> TOKEN_NAMES = Map.of(
            "START_OBJECT", "an object", "START_ARRAY", "an array", "VALUE_STRING", "a string",
            "VALUE_NUMBER_INT", "a whole number", "VALUE_NUMBER_FLOAT", "a number", "VALUE_TRUE", "true or false",
            "VALUE_FALSE", "true or false", "VALUE_NULL", "null");

    private BodyErrors() {
    }

    /** A description when {@code cause} is a problem with the request's JSON, else empty. */
    static Optional<String> describe(Throwable cause) {
        Throwable json = null;
        for (Throwable t = cause; t != null && t.getCause() != t; t = t.getCause()) {
            // CharConversionException: bytes the reader took for UTF-16 or UTF-32 that are neither (found by RequestBodyFuzzTest).
            // EOFException: a body of white space only, which holds no JSON value at all.
            if (t instanceof SerdeException || t instanceof JsonSyntaxException || t instanceof JsonProcessingException
                    || t instanceof java.io.CharConversionException || t instanceof java.io.EOFException) {
                json = json == null ? t : json;
            }
        }
        if (json == null) {
            return Optional.empty();
        }
        String message = String.valueOf(json.getMessage());
        Optional<String> unknown = UnknownFields.describe(message);
        if (unknown.isPresent()) {
            return unknown;
        }
        StringBuilder detail = new StringBuilder("the request body is not the JSON this endpoint accepts");
        Matcher property = PROPERTY.matcher(message);
        if (property.find()) {
            detail.append(" in field '").append(property.group(1)).append('\'');
        }
        Matcher tokens = TOKENS.matcher(message);
        if (tokens.find()) {
            detail.append(": expected ").append(name(tokens.group(2))).append(" but found ").append(name(tokens.group(1)));
        } else if (json instanceof java.io.EOFException) {
            detail.append(": it holds no JSON value, only white space");
        } else if (json instanceof java.io.CharConversionException) {
            detail.append(": it is not JSON text in UTF-8");
        } else if (json instanceof JsonSyntaxException || message.contains("end-of-input") || message.contains("Unrecognized")) {
            detail.append(": it is not well-formed JSON");
        }
        Matcher location = LOCATION.matcher(message);
        String where = "";
        while (location.find()) {
            where = " (line " + location.group(1) + ", column " + location.group(2) + ")";
        }
        return Optional.of(detail.append(where).toString());
    }

    private static String name(String token) {
        return TOKEN_NAMES.getOrDefault(token, token.toLowerCase(java.util.Locale.ROOT).replace('_', ' '));
    }
}
