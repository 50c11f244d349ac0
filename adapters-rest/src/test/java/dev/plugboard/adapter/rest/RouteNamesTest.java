package dev.plugboard.adapter.rest;

import dev.plugboard.domain.plugin.PluginName;
import io.micronaut.test.extensions.junit5.annotation.MicronautTest;
import io.micronaut.web.router.Router;
import io.micronaut.web.router.UriRouteInfo;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;

import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Keeps {@link PluginName#RESERVED} true: every literal word the routes put where a plugin's name
 * stands ({@code /api/plugins/X}, {@code /api/user/plugins/X}, {@code /api/admin/plugins/X}, at any
 * depth) is reserved, so no registered plugin is shadowed by a route, today or once a route of
 * that depth is added.
 */
@MicronautTest(environments = InMemoryTarget.ENVIRONMENT)
class RouteNamesTest {

    private static final Pattern WORD_AT_A_NAME = Pattern.compile("^/api/(?:user/|admin/)?plugins/([^/]+)(?:/.*)?$");

    @Inject
    Router router;

    @Test
    void givenEveryRoute_wordsWhereAPluginNameStands_areExactlyTheReservedNames() {
        Set<String> words = new TreeSet<>();
        router.uriRoutes().map(UriRouteInfo::getUriMatchTemplate).map(Object::toString).forEach(template -> {
            Matcher matcher = WORD_AT_A_NAME.matcher(template);
            if (matcher.matches() && !matcher.group(1).startsWith("{") && namesAPlugin(template)) {
                words.add(matcher.group(1));
            }
        });

        assertThat(words).containsExactlyInAnyOrderElementsOf(PluginName.RESERVED);
    }

    /**
     * A word a route puts where a plugin's name stands, unless the route is that plugin's own:
     * the builtin analytics plugin's {@code /api/user/plugins/analytics/stats}.
     */
    private static boolean namesAPlugin(String template) {
        return !template.equals("/api/user/plugins/analytics/stats");
    }
}
