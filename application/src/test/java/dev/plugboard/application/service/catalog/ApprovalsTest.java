package dev.plugboard.application.service.catalog;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.fixtures.SettableManifests;
import dev.plugboard.application.inmemory.InMemoryPluginApprovalRepository;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.catalog.ApprovePluginsUseCase.DecideCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncCatalogCommand;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncOptions;
import dev.plugboard.application.port.in.catalog.SyncCatalogUseCase.SyncReport;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.domain.approval.NewPluginsPolicy;
import dev.plugboard.domain.approval.PluginApproval;
import dev.plugboard.domain.approval.PluginApprovalException;
import dev.plugboard.domain.audit.Actor;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.plugin.PluginSource;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** {@code plugboard.catalog.new-plugins}: held versions, approve, reject, and the version that keeps serving. */
class ApprovalsTest {

    private static final PluginName GREETER = PluginName.of("greeter");
    private static final Actor ADMIN = Actor.user("root");
    private static final PluginManifest V1 = PluginManifest.builder("greeter", "1.0.0")
            .source(PluginSource.MANIFEST_DIRECTORY).build();

    private final SettableManifests manifests = new SettableManifests(List.of(V1));

    private Plugboard plugboard(NewPluginsPolicy policy) {
        return new InMemoryStores().wire(Plugboard.builder()).manifestSource(manifests)
                .newPlugins(policy, new InMemoryPluginApprovalRepository()).build();
    }

    private static void install(Plugboard plugboard, String user) {
        plugboard.installations().install(new InstallPluginCommand(Caller.user(user, null), GREETER, Optional.empty(),
                Optional.empty()));
    }

    private static PluginApproval decide(Plugboard plugboard, boolean approve) {
        return plugboard.approvals().decide(new DecideCommand(ADMIN, GREETER, approve));
    }

    @Test
    void givenPendingApproval_aNewPlugin_isHeld_installsAreRefused_andApprovingThenSyncingAddsIt() {
        Plugboard plugboard = plugboard(NewPluginsPolicy.PENDING_APPROVAL);

        SyncReport held = plugboard.syncCatalog();

        assertThat(held.plan()).singleElement().satisfies(line -> {
            assertThat(line.applies()).isFalse();
            assertThat(line.refusal()).hasValueSatisfying(why -> assertThat(why)
                    .startsWith("waiting for an administrator's approval (new plugin)").contains("plugboard plugins approve greeter"));
        });
        assertThat(plugboard.approvals().approvals(Optional.of(PluginApproval.Status.PENDING)))
                .extracting(approval -> approval.plugin().value() + " " + approval.version() + " " + approval.reason())
                .containsExactly("greeter 1.0.0 new plugin");
        assertThatThrownBy(() -> install(plugboard, "alice")).isInstanceOfSatisfying(PluginApprovalException.class, e -> {
            assertThat(e.code()).isEqualTo("PLUGIN_PENDING_APPROVAL");
            assertThat(e.getMessage()).contains("greeter", "waiting for an administrator's approval");
        });

        PluginApproval approved = decide(plugboard, true);
        plugboard.syncCatalog();
        install(plugboard, "alice");

        assertThat(approved.status()).isEqualTo(PluginApproval.Status.APPROVED);
        assertThat(approved.decidedBy()).hasValue(ADMIN.toString());
        assertThat(plugboard.catalog().get("greeter").version().toString()).isEqualTo("1.0.0");
        assertThat(AuditEntries.single(plugboard, AuditAction.PLUGIN_APPROVED, "plugin:greeter", AuditEntry.Outcome.SUCCESS)
                .detail()).startsWith("version 1.0.0 (new plugin) approved");
        assertThatThrownBy(() -> decide(plugboard, false)).as("a decided version is not decided again")
                .isInstanceOfSatisfying(PluginApprovalException.class, e -> assertThat(e.code()).isEqualTo("PLUGIN_ALREADY_DECIDED"));
    }

    @Test
    void givenPendingApproval_aRejectedPlugin_isNeverAdded_andInstallsAreRefusedAsRejected() {
        Plugboard plugboard = plugboard(NewPluginsPolicy.PENDING_APPROVAL);
        plugboard.syncCatalog();

        decide(plugboard, false);
        SyncReport after = plugboard.syncCatalog();

        assertThat(after.plan()).singleElement().satisfies(line -> assertThat(line.refusal())
                .hasValue("version 1.0.0 was rejected by an administrator (new plugin)"));
        assertThatThrownBy(() -> install(plugboard, "alice")).isInstanceOfSatisfying(PluginApprovalException.class,
                e -> assertThat(e.code()).isEqualTo("PLUGIN_REJECTED"));
        assertThat(AuditEntries.single(plugboard, AuditAction.PLUGIN_REJECTED, "plugin:greeter", AuditEntry.Outcome.SUCCESS)
                .detail()).contains("rejected");
    }

    @Test
    void givenPendingApproval_aVersionAddingACapabilityOrASecret_isHeld_whileTheApprovedVersionKeepsServing() {
        Plugboard plugboard = plugboard(NewPluginsPolicy.PENDING_APPROVAL);
        plugboard.syncCatalog();
        decide(plugboard, true);
        plugboard.syncCatalog();
        manifests.set(List.of(V1.toBuilder().version("1.1.0").capabilities(List.of("event:message.sent"))
                .settingsSchema(JsonDocument.parse("{\"type\": \"object\", \"properties\": {\"token\": "
                        + "{\"type\": \"string\", \"writeOnly\": true}}}")).build()));

        SyncReport held = plugboard.syncCatalog();
        install(plugboard, "bob");

        assertThat(held.plan()).singleElement().satisfies(line -> assertThat(line.refusal()).hasValueSatisfying(why ->
                assertThat(why).contains("adds capabilities [event:message.sent]; adds secret fields [/properties/token]",
                        "version 1.0.0 keeps serving")));
        assertThat(plugboard.catalog().get("greeter").version().toString()).isEqualTo("1.0.0");

        decide(plugboard, true);
        plugboard.syncCatalog();

        assertThat(plugboard.catalog().get("greeter").version().toString()).isEqualTo("1.1.0");
    }

    @Test
    void givenPendingApproval_aVersionAskingForNothingMore_appliesWithoutApproval_andADryRunRecordsNoRequest() {
        Plugboard plugboard = plugboard(NewPluginsPolicy.PENDING_APPROVAL);
        plugboard.catalogSync().sync(new SyncCatalogCommand(ADMIN, Optional.empty(), new SyncOptions(true, false, false)));
        assertThat(plugboard.approvals().approvals(Optional.empty())).as("a dry run stores nothing").isEmpty();
        plugboard.syncCatalog();
        decide(plugboard, true);
        plugboard.syncCatalog();
        manifests.set(List.of(V1.toBuilder().version("1.0.1").description("fixed a typo").build()));

        plugboard.syncCatalog();

        assertThat(plugboard.catalog().get("greeter").version().toString()).isEqualTo("1.0.1");
    }

    @Test
    void givenDisabled_aNewPlugin_isAddedSwitchedOff() {
        Plugboard plugboard = plugboard(NewPluginsPolicy.DISABLED);

        SyncReport report = plugboard.syncCatalog();

        assertThat(plugboard.catalog().get("greeter").isEnabled()).isFalse();
        assertThat(report.plan()).singleElement().satisfies(line -> assertThat(line.notes())
                .anySatisfy(note -> assertThat(note).startsWith("added switched off")));
    }
}
