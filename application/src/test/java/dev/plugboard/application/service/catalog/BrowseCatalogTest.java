package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.TestPlugins;
import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.in.catalog.SwitchPluginUseCase.SwitchPluginCommand;
import dev.plugboard.application.port.out.CatalogFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.plugin.Plugin;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginNotFoundException;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Anyone browsing the catalog: filters, keyset paging and details. */
class BrowseCatalogTest {

    private static final PluginManifest POLLER = PluginManifest.builder("poller", "1.0.0")
            .displayName("Poller")
            .description("Polls an HTTP endpoint on a schedule")
            .category("automation")
            .tags(List.of("http"))
            .capabilities(List.of("schedule:poll"))
            .build();

    private Plugboard plugboard;

    @BeforeEach
    void catalogOfFourPluginsWithAnalyticsDisabled() {
        plugboard = Plugboard.builder()
                .manifest(TestPlugins.registrableWebhook())
                .manifest(TestPlugins.analytics())
                .manifest(POLLER)
                .manifest(TestPlugins.simple("notes", "general"))
                .build();
        plugboard.syncCatalog();
        plugboard.catalog().switchPlugin(new SwitchPluginCommand(Actor.operator("ops"), PluginName.of("analytics"), false, false));
    }

    private List<String> names(CatalogFilter filter) {
        return plugboard.catalog().list(filter, PageRequest.first()).items().stream()
                .map(plugin -> plugin.name().value())
                .toList();
    }

    private static CatalogFilter filter(String category, Set<String> tags, String capability, String text, Boolean enabled) {
        return new CatalogFilter(Optional.ofNullable(category), tags, Optional.ofNullable(capability),
                Optional.ofNullable(text), Optional.ofNullable(enabled));
    }

    @Test
    void givenNoFilter_list_returnsEveryPluginByName() {
        assertThat(names(CatalogFilter.ALL)).containsExactly("analytics", "notes", "poller", "webhook");
    }

    @Test
    void givenCategory_list_returnsOnlyThatCategory() {
        assertThat(names(filter("automation", Set.of(), null, null, null))).containsExactly("poller", "webhook");
        assertThat(names(filter("nothing-here", Set.of(), null, null, null))).isEmpty();
    }

    @Test
    void givenSeveralTags_list_returnsOnlyPluginsThatHaveAllOfThem() {
        assertThat(names(filter(null, Set.of("http"), null, null, null))).containsExactly("poller", "webhook");
        assertThat(names(filter(null, Set.of("http", "integration"), null, null, null))).containsExactly("webhook");
        assertThat(names(filter(null, Set.of("http", "statistics"), null, null, null))).isEmpty();
    }

    @Test
    void givenCapability_list_returnsThePluginsDeclaringIt() {
        assertThat(names(filter(null, Set.of(), "event:message.received", null, null))).containsExactly("analytics", "webhook");
        assertThat(names(filter(null, Set.of(), "event:message.sent", null, null))).containsExactly("analytics");
    }

    @Test
    void givenText_list_matchesNameDisplayNameDescriptionOrTagIgnoringCase() {
        assertThat(names(filter(null, Set.of(), null, "OUTGOING", null))).containsExactly("webhook");
        assertThat(names(filter(null, Set.of(), null, "Schedule", null))).containsExactly("poller");
        assertThat(names(filter(null, Set.of(), null, "STATIST", null))).containsExactly("analytics");
        assertThat(names(filter(null, Set.of(), null, "not", null))).containsExactly("notes");
        assertThat(names(filter(null, Set.of(), null, "zzz", null))).isEmpty();
    }

    @Test
    void givenEnabledFlag_list_separatesDisabledFromEnabledPlugins() {
        assertThat(names(filter(null, Set.of(), null, null, false))).containsExactly("analytics");
        assertThat(names(filter(null, Set.of(), null, null, true))).containsExactly("notes", "poller", "webhook");
    }

    @Test
    void givenSeveralCriteria_list_requiresAllOfThem() {
        assertThat(names(filter("automation", Set.of("http"), "event:message.received", "hook", true)))
                .containsExactly("webhook");
        assertThat(names(filter("automation", Set.of("http"), "event:message.received", "hook", false))).isEmpty();
    }

    @Test
    void givenSevenPlugins_listingThreeAtATime_returnsEachPluginOnceInNameOrderAndEndsWithoutNext() {
        Plugboard.Builder builder = Plugboard.builder();
        List.of("golf", "alpha", "echo", "charlie", "foxtrot", "bravo", "delta")
                .forEach(name -> builder.manifest(TestPlugins.simple(name, "general")));
        Plugboard seven = builder.build();
        seven.syncCatalog();

        List<List<String>> pages = new ArrayList<>();
        Page<Plugin> page = seven.catalog().list(CatalogFilter.ALL, PageRequest.first(3));
        pages.add(page.items().stream().map(p -> p.name().value()).toList());
        while (page.next().isPresent()) {
            page = seven.catalog().list(CatalogFilter.ALL, PageRequest.first(3).next(page.next().get()));
            pages.add(page.items().stream().map(p -> p.name().value()).toList());
        }

        assertThat(pages).containsExactly(
                List.of("alpha", "bravo", "charlie"),
                List.of("delta", "echo", "foxtrot"),
                List.of("golf"));
        assertThat(page.next()).isEmpty();
    }

    @Test
    void givenExactlyTwoFullPages_listingTheSecond_hasNoNext() {
        Page<Plugin> first = plugboard.catalog().list(CatalogFilter.ALL, PageRequest.first(2));
        Page<Plugin> second = plugboard.catalog().list(CatalogFilter.ALL, PageRequest.first(2).next(first.next().orElseThrow()));

        assertThat(first.items()).extracting(p -> p.name().value()).containsExactly("analytics", "notes");
        assertThat(second.items()).extracting(p -> p.name().value()).containsExactly("poller", "webhook");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void givenFilterAndPaging_list_pagesThroughTheMatchesOnly() {
        CatalogFilter enabled = filter(null, Set.of(), null, null, true);
        Page<Plugin> first = plugboard.catalog().list(enabled, PageRequest.first(2));
        Page<Plugin> second = plugboard.catalog().list(enabled, PageRequest.first(2).next(first.next().orElseThrow()));

        assertThat(first.items()).extracting(p -> p.name().value()).containsExactly("notes", "poller");
        assertThat(second.items()).extracting(p -> p.name().value()).containsExactly("webhook");
        assertThat(second.next()).isEmpty();
    }

    @Test
    void givenCursorThisListDidNotHandOut_list_isRefusedNamingTheCursor() {
        assertThatThrownBy(() -> plugboard.catalog().list(CatalogFilter.ALL, new PageRequest(3, Optional.of("%%not-a-cursor%%"))))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> {
                    assertThat(e.field()).isEqualTo("cursor");
                    assertThat(e.value()).isEqualTo("%%not-a-cursor%%");
                    assertThat(e.code()).isEqualTo("invalid_value");
                });
    }

    @Test
    void givenLimitOutOfRange_pageRequest_isRefusedNamingTheLimit() {
        assertThatThrownBy(() -> PageRequest.first(0))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
        assertThatThrownBy(() -> PageRequest.first(PageRequest.MAX_LIMIT + 1))
                .isInstanceOfSatisfying(InvalidValueException.class, e -> assertThat(e.field()).isEqualTo("limit"));
    }

    @Test
    void givenKnownName_get_returnsTheDetailsWithSchemas() {
        Plugin webhook = plugboard.catalog().get("webhook");

        assertThat(webhook.manifest().displayName()).isEqualTo("Outgoing webhook");
        assertThat(webhook.manifest().settingsSchema()).isEqualTo(TestPlugins.webhook().settingsSchema());
        assertThat(webhook.manifest().category()).isEqualTo("automation");
    }

    @Test
    void givenUnknownName_get_throwsPluginNotFoundNamingIt() {
        assertThatThrownBy(() -> plugboard.catalog().get("nope"))
                .isInstanceOfSatisfying(PluginNotFoundException.class, e -> {
                    assertThat(e.plugin()).isEqualTo("nope");
                    assertThat(e.code()).isEqualTo("plugin_not_found");
                });
    }
}
