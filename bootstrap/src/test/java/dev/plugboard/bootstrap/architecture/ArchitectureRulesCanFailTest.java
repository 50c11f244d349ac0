package dev.plugboard.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchRule;
import dev.plugboard.adapter.cli.ExitCode;
import dev.plugboard.adapter.isolation.PluginHosts;
import dev.plugboard.adapter.isolation.archfixture.IsolationUsingRest;
import dev.plugboard.host.PluginHostMain;
import dev.plugboard.host.archfixture.HostUsingApplication;
import dev.plugboard.plugin.PluginHandler;
import dev.plugboard.worker.Worker;
import dev.plugboard.worker.archfixture.WorkerClientUsingDomain;
import dev.plugboard.adapter.rest.archfixture.RestUsingWorkerClient;
import dev.plugboard.plugin.archfixture.PluginApiUsingDomain;
import dev.plugboard.adapter.outbound.GuardedOutboundHttp;
import dev.plugboard.adapter.outbound.archfixture.OutboundUsingPersistence;
import dev.plugboard.plugins.archfixture.PluginWithASocket;
import dev.plugboard.plugins.archfixture.PluginWithItsOwnHttpClient;
import dev.plugboard.plugins.builtin.WebhookPlugin;
import dev.plugboard.adapter.persistence.PostgresStorage;
import dev.plugboard.plugins.builtin.AnalyticsPlugin;
import dev.plugboard.adapter.cli.archfixture.CliUsingBootstrap;
import dev.plugboard.adapter.rest.ProblemStatus;
import dev.plugboard.adapter.rest.archfixture.RestUsingCli;
import dev.plugboard.adapter.console.archfixture.ConsoleUsingRest;
import dev.plugboard.adapter.console.archfixture.SessionUsingOidcProtocol;
import dev.plugboard.adapter.console.session.ConsoleCookies;
import dev.plugboard.adapter.secrets.TinkSecretCipher;
import dev.plugboard.adapter.secrets.archfixture.SecretsUsingPersistence;
import dev.plugboard.adapter.workflow.language.CelTemplateEngine;
import dev.plugboard.adapter.workflow.language.archfixture.WorkflowLanguageUsingOutbound;
import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.state.YamlText;
import dev.plugboard.application.archfixture.ApplicationUsingJdbc;
import dev.plugboard.application.archfixture.ApplicationUsingRestAdapter;
import dev.plugboard.application.inmemory.InMemoryAuditLog;
import dev.plugboard.application.service.archfixture.ServiceUsingInMemoryAdapter;
import dev.plugboard.bootstrap.archfixture.BootstrapThing;
import dev.plugboard.domain.archfixture.DomainUsingJackson;
import dev.plugboard.domain.archfixture.DomainUsingMicronaut;
import dev.plugboard.domain.archfixture.DomainUsingSemver4j;
import dev.plugboard.domain.plugin.SemanticVersion;
import dev.plugboard.domain.plugin.VersionRange;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.SettingsPolicy;
import dev.plugboard.domain.settings.archfixture.SettingsUsingAssertJ;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * Each rule is shown to fail on a class that breaks it, and to pass on a clean class, so no rule
 * can silently check nothing. With failOnEmptyShould on, a rule that selects no class fails too.
 */
class ArchitectureRulesCanFailTest {

    private static JavaClasses of(Class<?>... classes) {
        return new ClassFileImporter().importClasses(classes);
    }

    private static void failsOn(ArchRule rule, Class<?> offender, Class<?>... others) {
        Class<?>[] all = new Class<?>[others.length + 1];
        all[0] = offender;
        System.arraycopy(others, 0, all, 1, others.length);
        assertThatThrownBy(() -> rule.check(of(all)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining(offender.getName());
    }

    @Test
    void domainIsPureJava_failsOnJacksonOutsideSettings() {
        failsOn(ArchitectureRules.DOMAIN_IS_PURE_JAVA, DomainUsingJackson.class);
        assertThatCode(() -> ArchitectureRules.DOMAIN_IS_PURE_JAVA.check(of(PluginName.class))).doesNotThrowAnyException();
    }

    @Test
    void domainIsPureJava_failsOnSemver4jOutsideTheVersionClasses() {
        failsOn(ArchitectureRules.DOMAIN_IS_PURE_JAVA, DomainUsingSemver4j.class);
        assertThatCode(() -> ArchitectureRules.DOMAIN_IS_PURE_JAVA.check(of(PluginName.class, SemanticVersion.class, VersionRange.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void versionsRule_passesOnTheVersionClasses() {
        assertThatCode(() -> ArchitectureRules.VERSIONS_USE_ONLY_SEMVER4J.check(of(SemanticVersion.class, VersionRange.class)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.VERSIONS_USE_ONLY_SEMVER4J.check(of(PluginName.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failOnEmptyShould");
    }

    @Test
    void settingsRule_failsOnAnotherLibrary() {
        failsOn(ArchitectureRules.SETTINGS_USES_ONLY_JACKSON_AND_SCHEMA_LIBRARY, SettingsUsingAssertJ.class);
        assertThatCode(() -> ArchitectureRules.SETTINGS_USES_ONLY_JACKSON_AND_SCHEMA_LIBRARY.check(of(SettingsPolicy.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void stateTextRule_passesOnYamlText_andSelectsNothingElse() {
        assertThatCode(() -> ArchitectureRules.STATE_TEXT_USES_ONLY_JACKSON.check(of(YamlText.class)))
                .doesNotThrowAnyException();
        assertThatThrownBy(() -> ArchitectureRules.STATE_TEXT_USES_ONLY_JACKSON.check(of(Plugboard.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failOnEmptyShould");
        failsOn(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN, ApplicationUsingRestAdapter.class, YamlText.class);
    }

    @Test
    void applicationRule_failsOnAnAdapterDependency() {
        failsOn(ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN, ApplicationUsingRestAdapter.class, ProblemStatus.class);
        assertThatCode(() -> ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN.check(of(Plugboard.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void noJdbcRule_failsOnJdbc() {
        failsOn(ArchitectureRules.APPLICATION_HAS_NO_JDBC_OR_HTTP, ApplicationUsingJdbc.class);
    }

    @Test
    void noMicronautRule_failsOnAMicronautAnnotation() {
        failsOn(ArchitectureRules.NO_MICRONAUT_IN_THE_CORE, DomainUsingMicronaut.class);
    }

    @Test
    void servicesRule_failsOnAServiceUsingAnInMemoryAdapter() {
        failsOn(ArchitectureRules.SERVICES_USE_PORTS_NOT_ADAPTERS, ServiceUsingInMemoryAdapter.class, InMemoryAuditLog.class);
    }

    @Test
    void rings_failOnAdaptersDependingOnEachOther() {
        failsOn(ArchitectureRules.RINGS, RestUsingCli.class, ExitCode.class, PostgresStorage.class, Plugboard.class,
                PluginName.class, AnalyticsPlugin.class, TinkSecretCipher.class, GuardedOutboundHttp.class,
                CelTemplateEngine.class, ConsoleCookies.class);
    }

    @Test
    void rings_failOnTheConsoleReachingTheRestAdapter() {
        failsOn(ArchitectureRules.RINGS, ConsoleUsingRest.class, ProblemStatus.class, ExitCode.class, PostgresStorage.class, Plugboard.class,
                PluginName.class, AnalyticsPlugin.class, TinkSecretCipher.class, GuardedOutboundHttp.class,
                CelTemplateEngine.class, ConsoleCookies.class);
    }

    @Test
    void rings_failOnTheSecretsAdapterReachingAnotherAdapter() {
        failsOn(ArchitectureRules.RINGS, SecretsUsingPersistence.class, ProblemStatus.class, ExitCode.class,
                PostgresStorage.class, Plugboard.class, PluginName.class, AnalyticsPlugin.class, GuardedOutboundHttp.class,
                CelTemplateEngine.class, ConsoleCookies.class);
    }

    @Test
    void rings_failOnTheApplicationReachingAnAdapter() {
        failsOn(ArchitectureRules.RINGS, ApplicationUsingRestAdapter.class, ProblemStatus.class, ExitCode.class,
                PostgresStorage.class, PluginName.class, AnalyticsPlugin.class, TinkSecretCipher.class, GuardedOutboundHttp.class,
                CelTemplateEngine.class, ConsoleCookies.class);
    }

    @Test
    void rings_failOnTheOutboundAdapterReachingAnotherAdapter() {
        failsOn(ArchitectureRules.RINGS, OutboundUsingPersistence.class, PostgresStorage.class, ProblemStatus.class,
                ExitCode.class, Plugboard.class, PluginName.class, AnalyticsPlugin.class, TinkSecretCipher.class,
                CelTemplateEngine.class, ConsoleCookies.class);
    }

    @Test
    void rings_failOnTheIsolationAdapterReachingAnotherAdapter() {
        failsOn(ArchitectureRules.RINGS, IsolationUsingRest.class, ProblemStatus.class, ExitCode.class, PostgresStorage.class,
                Plugboard.class, PluginName.class, AnalyticsPlugin.class, TinkSecretCipher.class, GuardedOutboundHttp.class,
                CelTemplateEngine.class, ConsoleCookies.class);
    }

    @Test
    void rings_failOnTheWorkflowLanguageAdapterReachingAnotherAdapter() {
        failsOn(ArchitectureRules.RINGS, WorkflowLanguageUsingOutbound.class, GuardedOutboundHttp.class, ProblemStatus.class,
                ExitCode.class, PostgresStorage.class, Plugboard.class, PluginName.class, AnalyticsPlugin.class,
                TinkSecretCipher.class, ConsoleCookies.class);
    }

    @Test
    void pluginApiRule_failsOnTheApiUsingTheDomain() {
        failsOn(ArchitectureRules.PLUGIN_API_IS_STANDALONE, PluginApiUsingDomain.class);
        assertThatCode(() -> ArchitectureRules.PLUGIN_API_IS_STANDALONE.check(of(PluginHandler.class))).doesNotThrowAnyException();
    }

    @Test
    void workerClientRule_failsOnTheLibraryUsingTheDomain() {
        failsOn(ArchitectureRules.WORKER_CLIENT_IS_STANDALONE, WorkerClientUsingDomain.class);
        assertThatCode(() -> ArchitectureRules.WORKER_CLIENT_IS_STANDALONE.check(of(Worker.class))).doesNotThrowAnyException();
    }

    @Test
    void serverRule_failsOnAnAdapterUsingTheWorkerClient() {
        failsOn(ArchitectureRules.SERVER_DOES_NOT_USE_THE_WORKER_CLIENT, RestUsingWorkerClient.class);
        assertThatCode(() -> ArchitectureRules.SERVER_DOES_NOT_USE_THE_WORKER_CLIENT.check(of(ProblemStatus.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void hostRule_failsOnTheHostUsingTheApplication() {
        failsOn(ArchitectureRules.HOST_NEEDS_ONLY_THE_API_AND_JACKSON, HostUsingApplication.class);
        assertThatCode(() -> ArchitectureRules.HOST_NEEDS_ONLY_THE_API_AND_JACKSON.check(of(PluginHostMain.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void pluginRule_failsOnAPluginWithItsOwnHttpClient() {
        failsOn(ArchitectureRules.PLUGINS_USE_THE_GUARDED_CLIENT, PluginWithItsOwnHttpClient.class);
        failsOn(ArchitectureRules.PLUGINS_USE_THE_GUARDED_CLIENT, PluginWithASocket.class);
        assertThatCode(() -> ArchitectureRules.PLUGINS_USE_THE_GUARDED_CLIENT.check(of(WebhookPlugin.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void oidcRule_failsOnTheProtocolLibraryOutsideTheConsolesOidcPackage() {
        failsOn(ArchitectureRules.OIDC_PROTOCOL_ONLY_IN_CONSOLE_OIDC, SessionUsingOidcProtocol.class);
        assertThatCode(() -> ArchitectureRules.OIDC_PROTOCOL_ONLY_IN_CONSOLE_OIDC.check(of(ConsoleCookies.class)))
                .doesNotThrowAnyException();
    }

    @Test
    void bootstrapRule_failsOnAnAdapterUsingBootstrap() {
        failsOn(ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP, CliUsingBootstrap.class, BootstrapThing.class);
    }

    @Test
    void rings_passOnCleanClassesOfEveryRing() {
        assertThatCode(() -> ArchitectureRules.RINGS.check(of(ProblemStatus.class, ExitCode.class, PostgresStorage.class,
                Plugboard.class, PluginName.class, AnalyticsPlugin.class, TinkSecretCipher.class, GuardedOutboundHttp.class,
                PluginHosts.class, CelTemplateEngine.class, ConsoleCookies.class))).doesNotThrowAnyException();
    }

    @Test
    void rulesWithNothingToCheck_fail() {
        assertThatThrownBy(() -> ArchitectureRules.DOMAIN_IS_PURE_JAVA.check(of(BootstrapThing.class)))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("failOnEmptyShould");
    }
}
