package dev.plugboard.application.port.out.contract;

import dev.plugboard.application.port.Page;
import dev.plugboard.application.port.PageRequest;
import dev.plugboard.application.port.out.AuditFilter;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.installation.Installation;
import dev.plugboard.domain.plugin.PluginName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** What every {@link dev.plugboard.application.port.out.AuditLog} must do. */
public abstract class AuditLogContract extends StorageContract {

    private static final PluginName WEBHOOK = PluginName.of("webhook");

    private AuditEntry appended(Instant at, Actor actor, AuditAction action, String target) {
        AuditEntry entry = new AuditEntry(UUID.randomUUID(), at, actor, action, target, AuditEntry.Outcome.SUCCESS,
                Optional.of(JsonDocument.parse("{\"enabled\": true}")), Optional.of(JsonDocument.parse("{\"enabled\": false}")),
                "detail");
        storage.audit().append(entry);
        return entry;
    }

    @Test
    void givenAppendedEntry_search_returnsItWhole() {
        AuditEntry entry = appended(T0, Actor.user("alice"), AuditAction.DISABLE, "plugin:analytics");

        List<AuditEntry> found = storage.audit().search(AuditFilter.ALL, PageRequest.first()).items();

        assertThat(found).containsExactly(entry);
    }

    @Test
    void givenAChange_appendWith_storesTheEntryAndTheChange_evenWhenTheChangeWritesNothing() {
        Installation installed = installedWebhook(ALICE);
        AuditEntry toggled = entry(AuditAction.DISABLE);
        AuditEntry idle = entry(AuditAction.ENABLE);

        Installation disabled = storage.transactions().inTransaction(() -> storage.audit().appendWith(toggled,
                () -> storage.installations().update(installed.toggle(false, T0))));
        String answer = storage.transactions().inTransaction(() -> storage.audit().appendWith(idle, () -> "no statement"));

        assertThat(disabled.isEnabled()).isFalse();
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().version()).isEqualTo(1);
        assertThat(answer).isEqualTo("no statement");
        assertThat(storage.audit().search(AuditFilter.ALL, PageRequest.first()).items())
                .containsExactlyInAnyOrder(toggled, idle);
    }

    @Test
    void givenAChangeRefusedAfterItsStatement_appendWithInATransaction_leavesNeitherTheEntryNorTheChange() {
        Installation installed = installedWebhook(ALICE);
        storage.installations().update(installed.toggle(false, T0));

        assertThatThrownBy(() -> storage.transactions().inTransaction(() -> storage.audit().appendWith(
                entry(AuditAction.ENABLE), () -> storage.installations().update(installed.toggle(true, T0)))))
                .isInstanceOf(ConcurrencyConflictException.class);

        assertThat(storage.audit().search(AuditFilter.ALL, PageRequest.first()).items()).isEmpty();
        assertThat(storage.installations().find(ALICE, WEBHOOK).orElseThrow().isEnabled()).isFalse();
    }

    private static AuditEntry entry(AuditAction action) {
        return new AuditEntry(UUID.randomUUID(), T0, Actor.user("alice"), action, "installation:user:alice/webhook",
                AuditEntry.Outcome.SUCCESS, Optional.of(JsonDocument.parse("{\"enabled\": true}")),
                Optional.of(JsonDocument.parse("{\"enabled\": false}")), "");
    }

    @Test
    void givenEntryMadeInStaging_search_returnsItWithItsEnvironment() {
        AuditEntry staging = new AuditEntry(UUID.randomUUID(), T0, Actor.user("alice"), AuditAction.CONFIGURE,
                "installation:user:alice/webhook", AuditEntry.Outcome.SUCCESS, Optional.empty(), Optional.empty(),
                "override of environment staging", "staging");
        storage.audit().append(staging);

        List<AuditEntry> found = storage.audit().search(AuditFilter.ALL, PageRequest.first()).items();

        assertThat(found).containsExactly(staging);
        assertThat(found.get(0).environment()).isEqualTo("staging");
    }

    @Test
    void givenEntries_search_filtersBySinceActorActionAndTarget() {
        appended(at(1), Actor.user("alice"), AuditAction.INSTALL, "installation:user:alice/webhook");
        AuditEntry late = appended(at(5), Actor.operator("root"), AuditAction.DISABLE, "plugin:webhook");
        appended(at(3), Actor.system(), AuditAction.SYNC, "catalog");

        assertThat(search(new AuditFilter(Optional.of(at(3)), Optional.empty(), Optional.empty(), Optional.empty())))
                .extracting(AuditEntry::action).containsExactly(AuditAction.DISABLE, AuditAction.SYNC);
        assertThat(search(new AuditFilter(Optional.empty(), Optional.of("operator:root"), Optional.empty(), Optional.empty())))
                .containsExactly(late);
        assertThat(search(new AuditFilter(Optional.empty(), Optional.empty(), Optional.of(AuditAction.INSTALL), Optional.empty())))
                .extracting(AuditEntry::target).containsExactly("installation:user:alice/webhook");
        assertThat(search(new AuditFilter(Optional.empty(), Optional.empty(), Optional.empty(), Optional.of("catalog"))))
                .extracting(AuditEntry::action).containsExactly(AuditAction.SYNC);
    }

    @Test
    void givenManyEntries_search_pagesNewestFirstWithoutGapsOrRepeats() {
        for (int i = 0; i < 7; i++) {
            appended(at(i / 2), Actor.system(), AuditAction.SYNC, "catalog");
        }
        List<AuditEntry> seen = new ArrayList<>();
        PageRequest request = PageRequest.first(3);
        while (true) {
            Page<AuditEntry> page = storage.audit().search(AuditFilter.ALL, request);
            seen.addAll(page.items());
            if (page.next().isEmpty()) {
                break;
            }
            request = request.next(page.next().get());
        }
        assertThat(seen).hasSize(7).doesNotHaveDuplicates();
        assertThat(seen).extracting(AuditEntry::at).isSortedAccordingTo(java.util.Comparator.reverseOrder());
    }

    private List<AuditEntry> search(AuditFilter filter) {
        return storage.audit().search(filter, PageRequest.first()).items();
    }
}
