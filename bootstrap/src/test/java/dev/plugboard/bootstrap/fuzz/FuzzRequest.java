package dev.plugboard.bootstrap.fuzz;

import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * One generated request, with what was done to it, printable so that a failure can be replayed by
 * hand (bodies longer than a screen are shortened in the print, never in what is sent).
 */
record FuzzRequest(long seed, String operation, String mutation, String method, String pathAndQuery,
                   Map<String, String> headers, byte[] body) {

    FuzzRequest {
        headers = Map.copyOf(headers);
    }

    @Override
    public String toString() {
        String text = body == null ? "" : new String(body, StandardCharsets.UTF_8);
        String shown = text.length() > 300 ? text.substring(0, 300) + "… (" + body.length + " bytes)" : text;
        Map<String, String> printable = new java.util.TreeMap<>();
        headers.forEach((name, value) -> printable.put(name, value.length() > 120 ? value.substring(0, 120) + "… ("
                + value.length() + " chars)" : value));
        String path = pathAndQuery.length() > 300 ? pathAndQuery.substring(0, 300) + "… (" + pathAndQuery.length()
                + " chars)" : pathAndQuery;
        return "[request seed " + seed + "] " + operation + " / " + mutation + ": " + method + " " + path + " "
                + printable + (shown.isEmpty() ? "" : " body: " + shown);
    }
}
