package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.Dependency;
import dev.plugboard.domain.plugin.ExecutionMode;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.RetryPolicy;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link dev.plugboard.application.port.out.PluginRepository} must do. */
public abstract class PluginRepositoryContract extends StorageContract {

    @Test
    void givenSavedPlugin_find_returnsEveryFieldOfTheManifestAndTheSwitch() {
        PluginManifest rich = TestPlugins.webhook().toBuilder()
                .icon("webhook.svg")
                .origin(new dev.plugboard.domain.plugin.PluginOrigin(
                        dev.plugboard.domain.plugin.PluginOrigin.InstalledFrom.NPM_REGISTRY,
                        java.util.Optional.of("https://www.npmjs.com/package/@acme/webhook")))
                .inputSchema(JsonDocument.parse("{\"type\": \"object\", \"properties\": {\"n\": {\"type\": \"number\"}}}"))
                .outputSchema(JsonDocument.parse("{\"type\": \"object\"}"))
                .defaultSettings(JsonDocument.parse("{\"url\": \"https://default.test\", \"retries\": 2}"))
                .execution(new ExecutionPolicy(ExecutionMode.EXTERNAL, Duration.ofSeconds(90),
                        new RetryPolicy(5, Duration.ofMillis(500), Duration.ofSeconds(30), 3.0, Set.of("BAD_INPUT"))))
                .build();
        registered(TestPlugins.analytics());
        Plugin plugin = registered(rich.toBuilder()
                .dependencies(List.of(Dependency.of("analytics", "^1.0.0"))).build()).disable(at(5));
        storage.plugins().save(plugin);

        Plugin found = storage.plugins().find(PluginName.of("webhook")).orElseThrow();

        assertThat(found.manifest()).isEqualTo(plugin.manifest());
        assertThat(found.manifest().origin()).isPresent();
        assertThat(found.isEnabled()).isFalse();
        assertThat(found.enabledAt()).contains(T0);
        assertThat(found.disabledAt()).contains(at(5));
        assertThat(found.registeredAt()).isEqualTo(T0);
        assertThat(found.updatedAt()).isEqualTo(at(5));
    }

    @Test
    void givenRetiredPlugin_find_keepsWhenItRetired_andRestoreClearsIt() {
        Plugin retired = registered(TestPlugins.analytics()).retire(at(7));
        storage.plugins().save(retired);

        Plugin found = storage.plugins().find(PluginName.of("analytics")).orElseThrow();

        assertThat(found.isRetired()).isTrue();
        assertThat(found.retiredAt()).contains(at(7));
        assertThat(found).isEqualTo(retired);
        storage.plugins().save(found.restore(at(9)));
        assertThat(storage.plugins().find(PluginName.of("analytics")).orElseThrow().retiredAt()).isEmpty();
    }

    @Test
    void givenSavedPlugin_delete_removesIt_andDeletingAgainFindsNothing() {
        registered(TestPlugins.analytics());

        assertThat(storage.plugins().delete(PluginName.of("analytics"))).isTrue();
        assertThat(storage.plugins().delete(PluginName.of("analytics"))).isFalse();
        assertThat(storage.plugins().find(PluginName.of("analytics"))).isEmpty();
    }

    @Test
    void givenNoSuchPlugin_find_isEmpty() {
        assertThat(storage.plugins().find(PluginName.of("nothing-here"))).isEmpty();
    }

    @Test
    void givenSavedPlugin_saveAgain_replacesItInPlace() {
        Plugin original = registered(TestPlugins.analytics());
        Plugin upgraded = original.withManifest(original.manifest().toBuilder().version("1.1.0").build(), POLICY, at(1));

        storage.plugins().save(upgraded);

        assertThat(storage.plugins().findAll()).extracting(p -> p.version().toString()).containsExactly("1.1.0");
    }

    @Test
    void givenPlugins_findAll_returnsThemByName() {
        registered(TestPlugins.simple("zeta", "general"));
        registered(TestPlugins.simple("alpha", "general"));
        registered(TestPlugins.simple("mid", "general"));

        assertThat(storage.plugins().findAll()).extracting(p -> p.name().value()).containsExactly("alpha", "mid", "zeta");
    }

    @Test
    void givenFilters_search_appliesEveryCriterion() {
        registered(TestPlugins.webhook());
        registered(TestPlugins.analytics());
        registered(TestPlugins.simple("notes", "general"));
        storage.plugins().save(storage.plugins().find(PluginName.of("notes")).orElseThrow().disable(at(1)));

        assertThat(names(new CatalogFilter(Optional.of("analytics"), Set.of(), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly("analytics");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of("http", "integration"), Optional.empty(), Optional.empty(), Optional.empty())))
                .containsExactly("webhook");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of("http", "statistics"), Optional.empty(), Optional.empty(), Optional.empty())))
                .isEmpty();
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.of("event:message.received"), Optional.empty(), Optional.empty())))
                .containsExactly("analytics", "webhook");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.of("UNIQUE users"), Optional.empty())))
                .containsExactly("analytics");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.of("hook"), Optional.empty())))
                .containsExactly("webhook");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.of(false))))
                .containsExactly("notes");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.empty(), Optional.of(true))))
                .containsExactly("analytics", "webhook");
    }

    @Test
    void givenTextWithLikeWildcards_search_treatsThemAsPlainText() {
        registered(TestPlugins.simple("percent", "general").toBuilder().description("100% done").build());
        registered(TestPlugins.simple("other", "general"));

        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.of("%"), Optional.empty())))
                .containsExactly("percent");
        assertThat(names(new CatalogFilter(Optional.empty(), Set.of(), Optional.empty(), Optional.of("_"), Optional.empty())))
                .isEmpty();
    }

    @Test
    void givenMorePluginsThanOnePage_search_walksEveryPageOnceInNameOrder() {
        List<String> expected = new ArrayList<>();
        for (int i = 0; i < 7; i++) {
            String name = "plugin-" + i;
            registered(TestPlugins.simple(name, "general"));
            expected.add(name);
        }
        List<String> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        int pages = 0;
        while (true) {
            Page<Plugin> page = storage.plugins().search(CatalogFilter.ALL, request);
            pages++;
            page.items().forEach(plugin -> seen.add(plugin.name().value()));
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(seen).containsExactlyElementsOf(expected);
        assertThat(pages).isEqualTo(3);
    }

    @Test
    void givenExactlyOneFullPage_search_hasNoNextCursor() {
        registered(TestPlugins.simple("one", "general"));
        registered(TestPlugins.simple("two", "general"));

        assertThat(storage.plugins().search(CatalogFilter.ALL, PageRequest.first(2)).next()).isEmpty();
    }

    @Test
    void givenForgedCursor_search_isRefusedNamingTheCursor() {
        assertThatThrownBy(() -> storage.plugins().search(CatalogFilter.ALL, PageRequest.first(2).next("%%not-a-cursor")))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("cursor"));
    }

    private List<String> names(CatalogFilter filter) {
        return storage.plugins().search(filter, PageRequest.first()).items().stream().map(p -> p.name().value()).toList();
    }
}
