package dev.plugboard.bootstrap.fuzz;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.plugboard.bootstrap.fuzz.FuzzTestServer.Answer;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Pattern;

/**
 * What the fuzzer holds every answer to: an answer at all, never a 5xx, every 4xx problem+json with
 * a {@code code}, and no body with a stack trace, a Java class name or a secret. Keeps the failures
 * (the first hundred, with their requests) and counts the statuses for the summary.
 */
final class FuzzVerdicts {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Pattern STACK_FRAME = Pattern.compile("\\bat [\\w$.]+\\([\\w$]+\\.java:\\d+\\)|\\.java:\\d+\\)");
    private static final Pattern CLASS_NAME = Pattern.compile(
            "\\b(?:java|javax|jakarta|io\\.micronaut|com\\.fasterxml|org\\.postgresql|org\\.flywaydb|dev\\.plugboard)(?:\\.[a-z_$][\\w$]*)+\\.[A-Z][\\w$]*");
    private static final int KEPT = 100;

    private final List<String> secrets;
    private final List<String> failures = new ArrayList<>();
    private final Map<Integer, Integer> statuses = new TreeMap<>();
    private final Map<String, Integer> failingOperations = new TreeMap<>();
    private FuzzRequest previous;
    private int judged;
    private int failed;

    FuzzVerdicts(List<String> secrets) {
        this.secrets = List.copyOf(secrets);
    }

    void judge(FuzzRequest request, Answer answer) {
        judged++;
        statuses.merge(answer.status(), 1, Integer::sum);
        String wrong = wrong(answer);
        if (wrong != null) {
            failed++;
            failingOperations.merge(request.operation(), 1, Integer::sum);
            if (failures.size() < KEPT) {
                String body = answer.body().length() > 500 ? answer.body().substring(0, 500) + "…" : answer.body();
                failures.add(wrong + " — " + request + " → " + answer.status() + " " + answer.contentType() + " " + body
                        + (answer.status() == 0 && previous != null ? " (the request before: " + previous + ")" : ""));
            }
        }
        previous = request;
    }

    private String wrong(Answer answer) {
        if (answer.status() == 0) {
            return "no answer";
        }
        if (answer.status() >= 500) {
            return "server error " + answer.status();
        }
        for (String secret : secrets) {
            if (answer.body().contains(secret)) {
                return "a secret in the body";
            }
        }
        if (STACK_FRAME.matcher(answer.body()).find()) {
            return "a stack trace in the body";
        }
        if (CLASS_NAME.matcher(answer.body()).find()) {
            return "a Java class name in the body";
        }
        if (answer.status() >= 400) {
            if (!answer.contentType().startsWith("application/problem+json")) {
                return "a " + answer.status() + " that is not problem+json";
            }
            try {
                JsonNode problem = JSON.readTree(answer.body());
                if (problem.path("code").asText().isBlank()) {
                    return "a problem without a code";
                }
            } catch (Exception e) {
                return "a problem that is not JSON";
            }
        }
        return null;
    }

    List<String> failures() {
        return List.copyOf(failures);
    }

    String summary() {
        return "HTTP fuzz: " + judged + " requests, statuses " + statuses + ", " + failed + " failing"
                + (failingOperations.isEmpty() ? "" : " in " + failingOperations)
                + (failures.isEmpty() ? "" : "\n  " + String.join("\n  ", failures));
    }
}
