package dev.plugboard.adapter.rest;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpRequest;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.json.JsonMapper;
import jakarta.inject.Singleton;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Base64;

/**
 * A read answered with an {@code ETag} of its own JSON (so every instance gives a resource the same
 * tag, and any change of what the caller would see changes it), or with 304 and no body when the
 * request's {@code If-None-Match} names that tag. The body is serialized once, here.
 */
@Singleton
public final class ConditionalGet {

    private final JsonMapper json;

    public ConditionalGet(JsonMapper json) {
        this.json = json;
    }

    /** 200 with {@code body} and its tag, or 304 when the caller already has it. */
    @SuppressWarnings("unchecked")
    public <T> HttpResponse<T> respond(HttpRequest<?> request, T body) {
        byte[] bytes;
        try {
            bytes = json.writeValueAsBytes(body);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String tag = tagOf(bytes);
        if (ETags.noneMatchFails(request.getHeaders().get(HttpHeaders.IF_NONE_MATCH), tag)) {
            return (HttpResponse<T>) HttpResponse.notModified().header(HttpHeaders.ETAG, tag);
        }
        // The bytes go out as they are, so what was tagged is exactly what is sent.
        return (HttpResponse<T>) HttpResponse.ok(bytes).contentType(MediaType.APPLICATION_JSON_TYPE).header(HttpHeaders.ETAG, tag);
    }

    static String tagOf(byte[] content) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256").digest(content);
            return "\"" + Base64.getUrlEncoder().withoutPadding().encodeToString(Arrays.copyOf(digest, 16)) + "\"";
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every JDK", e);
        }
    }
}
