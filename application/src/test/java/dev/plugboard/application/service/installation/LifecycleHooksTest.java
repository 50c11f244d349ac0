package dev.plugboard.application.service.installation;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.fixtures.AuditEntries;
import dev.plugboard.application.fixtures.InMemoryStores;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.ToggleInstallationUseCase.ToggleInstallationCommand;
import dev.plugboard.application.port.in.installation.UninstallPluginUseCase.UninstallPluginCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidateSettingsCommand;
import dev.plugboard.application.port.in.installation.ValidateSettingsUseCase.ValidationReport;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.audit.AuditAction;
import dev.plugboard.domain.audit.AuditEntry;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.PluginHookFailedException;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.settings.Violation;
import dev.plugboard.plugin.SettingsProblem;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Lifecycle hooks of an in-process plugin: which refuse the operation, which are only recorded, and what they see. */
class LifecycleHooksTest {

    private static final PluginName KEYED = PluginName.of("keyed");
    private static final Caller ALICE = Caller.user("alice", null);
    private static final String TARGET = AuditEntry.installationTarget("user:alice", "keyed");

    /** A plugin whose hooks fail or hang on demand, and which remembers the settings each hook saw. */
    private static final class Hooked implements PluginHandler {
        final Map<String, String> behaviour = new ConcurrentHashMap<>();
        final List<String> seen = new CopyOnWriteArrayList<>();

        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder("keyed", "1.0.0").settingsSchema(JsonDocument.parse("""
                    {"type": "object", "properties": {"apiKey": {"type": "string", "writeOnly": true},
                     "region": {"type": "string"}}}""")).build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) {
            return JsonDocument.empty();
        }

        private void act(String hook, JsonDocument settings) throws Exception {
            seen.add(hook + " " + settings.asMap());
            switch (behaviour.getOrDefault(hook, "ok")) {
                case "fail" -> throw new IllegalStateException(hook + " refused");
                case "hang" -> Thread.sleep(60_000);
                default -> { }
            }
        }

        @Override
        public List<SettingsProblem> validate(JsonDocument settings) throws Exception {
            act("validate", settings);
            return "bad".equals(settings.asMap().get("apiKey"))
                    ? List.of(new SettingsProblem("/apiKey", "the API key was refused by the service")) : List.of();
        }

        @Override
        public void onInstall(Owner owner, JsonDocument settings) throws Exception {
            act("onInstall", settings);
        }

        @Override
        public void onConfigure(Owner owner, JsonDocument oldSettings, JsonDocument newSettings) throws Exception {
            act("onConfigure", newSettings);
            seen.add("old " + oldSettings.asMap());
        }

        @Override
        public void onEnable(Owner owner, JsonDocument settings) throws Exception {
            act("onEnable", settings);
        }

        @Override
        public void onDisable(Owner owner, JsonDocument settings) throws Exception {
            act("onDisable", settings);
        }

        @Override
        public void onUninstall(Owner owner, JsonDocument settings) throws Exception {
            act("onUninstall", settings);
        }
    }

    private final Hooked plugin = new Hooked();
    private final Plugboard plugboard = new InMemoryStores().wire(Plugboard.builder())
            .handlers(new HandlerRegistry(List.of(plugin))).hookTimeout(Duration.ofMillis(300)).build();

    LifecycleHooksTest() {
        plugboard.syncCatalog();
    }

    private void install(String settings) {
        plugboard.installations().install(new InstallPluginCommand(ALICE, KEYED, Optional.of(JsonDocument.parse(settings)),
                Optional.empty()));
    }

    private void toggle(boolean on) {
        plugboard.installations().toggle(new ToggleInstallationCommand(ALICE, KEYED, on));
    }

    @Test
    void givenValidateRejectingTheKey_install_isRefusedWithAViolationAtItsPointer_andStoresNothing() {
        assertThatThrownBy(() -> install("{\"apiKey\": \"bad\"}"))
                .isInstanceOfSatisfying(InvalidSettingsException.class, e -> assertThat(e.violations())
                        .containsExactly(new Violation("/apiKey", "validate", "the API key was refused by the service")));

        assertThat(plugboard.installations().listInstallations(ALICE.owner())).isEmpty();
        assertThat(plugin.seen).as("onInstall is not called for settings validate refused").containsExactly("validate {apiKey=bad}");
    }

    @Test
    void givenValidateRejectingTheKey_dryRun_reportsTheProblemAsAViolation_andASchemaViolationSkipsTheHook() {
        ValidationReport report = plugboard.installations().validate(new ValidateSettingsCommand(KEYED,
                JsonDocument.parse("{\"apiKey\": \"bad\"}")));
        ValidationReport schemaBroken = plugboard.installations().validate(new ValidateSettingsCommand(KEYED,
                JsonDocument.parse("{\"region\": 7}")));

        assertThat(report.valid()).isFalse();
        assertThat(report.violations()).extracting(Violation::pointer, Violation::keyword).containsExactly(
                org.assertj.core.groups.Tuple.tuple("/apiKey", "validate"));
        assertThat(schemaBroken.violations()).extracting(Violation::pointer).containsExactly("/region");
        assertThat(plugin.seen).as("the hook sees only settings the schema accepted").containsExactly("validate {apiKey=bad}");
    }

    @Test
    void givenAStoredSecret_configureWithoutIt_hooksSeeTheSecretInClear_oldAndNew() {
        install("{\"apiKey\": \"k-1\", \"region\": \"eu\"}");
        plugin.seen.clear();

        plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, KEYED,
                JsonDocument.parse("{\"region\": \"us\"}"), OptionalLong.empty()));

        assertThat(plugin.seen).containsExactly("validate {apiKey=k-1, region=us}", "onConfigure {apiKey=k-1, region=us}",
                "old {apiKey=k-1, region=eu}");
    }

    @Test
    void givenOnInstallHanging_install_timesOut_isRefusedNamingPluginAndHook_andStoresNothing() {
        plugin.behaviour.put("onInstall", "hang");

        assertThatThrownBy(() -> install("{\"apiKey\": \"k-1\"}"))
                .isInstanceOfSatisfying(PluginHookFailedException.class, e -> {
                    assertThat(e.code()).isEqualTo("PLUGIN_HOOK_FAILED");
                    assertThat(e.getMessage()).contains("plugin keyed", "onInstall hook", "no answer within 300 ms")
                            .doesNotContain("k-1");
                });

        assertThat(plugboard.installations().listInstallations(ALICE.owner())).isEmpty();
        assertThat(AuditEntries.single(plugboard, AuditAction.INSTALL, TARGET, AuditEntry.Outcome.FAILURE).detail())
                .startsWith("PLUGIN_HOOK_FAILED");
    }

    @Test
    void givenOnConfigureFailing_configure_isRefused_andTheOldSettingsStay() {
        install("{\"region\": \"eu\"}");
        plugin.behaviour.put("onConfigure", "fail");

        assertThatThrownBy(() -> plugboard.installations().configure(new ConfigureInstallationCommand(ALICE, KEYED,
                JsonDocument.parse("{\"region\": \"us\"}"), OptionalLong.empty())))
                .isInstanceOf(PluginHookFailedException.class).hasMessageContaining("onConfigure hook failed");

        assertThat(plugboard.installations().getInstallation(ALICE.owner(), "keyed").settings().asMap())
                .containsEntry("region", "eu");
    }

    @Test
    void givenOnEnableFailing_enable_keepsItOff_andOnDisableFailing_disable_turnsItOffAndAuditsTheFailure() {
        install("{}");
        plugin.behaviour.put("onDisable", "fail");
        plugin.behaviour.put("onEnable", "fail");

        toggle(false);
        assertThatThrownBy(() -> toggle(true)).isInstanceOf(PluginHookFailedException.class).hasMessageContaining("onEnable");

        assertThat(plugboard.installations().getInstallation(ALICE.owner(), "keyed").enabled()).isFalse();
        assertThat(AuditEntries.single(plugboard, AuditAction.DISABLE, TARGET, AuditEntry.Outcome.SUCCESS).detail())
                .isEqualTo("onDisable hook failed: IllegalStateException: onDisable refused");
    }

    @Test
    void givenOnUninstallFailing_uninstall_removesTheInstallation_andAuditsTheFailure() {
        install("{\"apiKey\": \"k-1\"}");
        plugin.behaviour.put("onUninstall", "fail");

        plugboard.installations().uninstall(new UninstallPluginCommand(ALICE, KEYED));

        assertThat(plugboard.installations().listInstallations(ALICE.owner())).isEmpty();
        assertThat(plugin.seen).last().isEqualTo("onUninstall {apiKey=k-1}");
        AuditEntry entry = AuditEntries.single(plugboard, AuditAction.UNINSTALL, TARGET, AuditEntry.Outcome.SUCCESS);
        assertThat(entry.detail()).isEqualTo("onUninstall hook failed: IllegalStateException: onUninstall refused");
        assertThat(entry.toString()).doesNotContain("k-1");
    }
}
