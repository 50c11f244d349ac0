package dev.plugboard.bootstrap.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;

import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The PromQL of the shipped Grafana dashboard and Prometheus rules (docs/operations/), and the
 * metric names each expression reads: what is left once strings, label matchers, ranges, grouping
 * clauses, function names and operators are taken out.
 */
final class DashboardQueries {

    static final Path DOCS = Path.of("..", "docs", "operations");
    private static final Pattern NOISE = Pattern.compile(
            "\"(?:[^\"\\\\]|\\\\.)*\"|\\{[^}]*}|\\[[^]]*]|\\b(?:by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)");
    private static final Pattern IDENTIFIER = Pattern.compile("(?<![a-zA-Z0-9_:$])[a-zA-Z_:][a-zA-Z0-9_:]*(?!\\s*\\()(?![a-zA-Z0-9_:])");
    private static final Pattern LABEL_VALUES = Pattern.compile("label_values\\(\\s*([a-zA-Z_:][a-zA-Z0-9_:]*)");
    private static final Set<String> KEYWORDS = Set.of("and", "or", "unless", "bool", "offset", "inf", "nan");

    private DashboardQueries() {
    }

    /** Every PromQL expression of the dashboard's panels and of the alert rules. */
    static List<String> expressions() throws IOException {
        List<String> expressions = new ArrayList<>();
        JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("grafana-dashboard.json").toFile());
        dashboard.path("panels").forEach(panel -> panel.path("targets").forEach(target ->
                expressions.add(target.path("expr").asText())));
        JsonNode rules = new YAMLMapper().readTree(DOCS.resolve("prometheus-alerts.yml").toFile());
        rules.path("groups").forEach(group -> group.path("rules").forEach(rule -> expressions.add(rule.path("expr").asText())));
        return expressions;
    }

    /** The metrics the dashboard's variables list label values of. */
    static Set<String> variableMetrics() throws IOException {
        Set<String> names = new TreeSet<>();
        JsonNode dashboard = new ObjectMapper().readTree(DOCS.resolve("grafana-dashboard.json").toFile());
        dashboard.path("templating").path("list").forEach(variable -> {
            Matcher matcher = LABEL_VALUES.matcher(variable.path("definition").asText());
            while (matcher.find()) {
                names.add(matcher.group(1));
            }
        });
        return names;
    }

    /** The metric names one expression reads. */
    static Set<String> metricNames(String expression) {
        String bare = NOISE.matcher(expression).replaceAll(" ");
        Set<String> names = new TreeSet<>();
        Matcher identifier = IDENTIFIER.matcher(bare);
        while (identifier.find()) {
            if (!KEYWORDS.contains(identifier.group().toLowerCase(java.util.Locale.ROOT))) {
                names.add(identifier.group());
            }
        }
        return names;
    }
}
