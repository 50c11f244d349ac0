package dev.plugboard.bootstrap.architecture;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

/** Checks the production code of every module against the architecture rules. */
class ArchitectureTest {

    private static JavaClasses production;

    @BeforeAll
    static void importProductionCode() {
        production = new ClassFileImporter()
                .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                // Maven test-jars (the shared contract suites) are test code too; DO_NOT_INCLUDE_TESTS misses them.
                .withImportOption(location -> !location.contains("-tests.jar"))
                .importPackages("dev.plugboard");
    }

    @Test
    void givenTheImport_everyModuleIsPresent_soNoRuleChecksAnEmptySet() {
        for (String module : new String[] {"domain", "domain.settings", "application", "adapter.persistence",
                "adapter.rest", "adapter.cli", "adapter.console", "adapter.console.oidc", "adapter.outbound", "adapter.workflow.language", "adapter.workflow.schedule", "plugins.builtin", "adapter.isolation", "plugin", "host", "worker"}) {
            assertThat(production.stream().anyMatch(c -> c.getPackageName().startsWith("dev.plugboard." + module)))
                    .as("classes of dev.plugboard.%s were imported", module)
                    .isTrue();
        }
        assertThat(production.stream().noneMatch(c -> c.getPackageName().contains("archfixture")
                        || c.getSimpleName().endsWith("Test") || c.getPackageName().contains(".contract")))
                .as("test code (fixtures, tests, shared contract suites) is not part of the production import")
                .isTrue();
    }

    @Test
    void domainIsPureJava() {
        ArchitectureRules.DOMAIN_IS_PURE_JAVA.check(production);
    }

    @Test
    void versionsUseOnlySemver4j() {
        ArchitectureRules.VERSIONS_USE_ONLY_SEMVER4J.check(production);
    }

    @Test
    void settingsUsesOnlyJacksonAndTheSchemaLibrary() {
        ArchitectureRules.SETTINGS_USES_ONLY_JACKSON_AND_SCHEMA_LIBRARY.check(production);
    }

    @Test
    void applicationDependsOnlyOnDomain() {
        ArchitectureRules.APPLICATION_DEPENDS_ONLY_ON_DOMAIN.check(production);
    }

    @Test
    void stateTextUsesOnlyJackson() {
        ArchitectureRules.STATE_TEXT_USES_ONLY_JACKSON.check(production);
    }

    @Test
    void applicationHasNoJdbcOrHttp() {
        ArchitectureRules.APPLICATION_HAS_NO_JDBC_OR_HTTP.check(production);
    }

    @Test
    void pluginApiIsStandalone() {
        ArchitectureRules.PLUGIN_API_IS_STANDALONE.check(production);
    }

    @Test
    void hostNeedsOnlyTheApiAndJackson() {
        ArchitectureRules.HOST_NEEDS_ONLY_THE_API_AND_JACKSON.check(production);
    }

    @Test
    void workerClientIsStandalone() {
        ArchitectureRules.WORKER_CLIENT_IS_STANDALONE.check(production);
    }

    @Test
    void serverDoesNotUseTheWorkerClient() {
        ArchitectureRules.SERVER_DOES_NOT_USE_THE_WORKER_CLIENT.check(production);
    }

    @Test
    void noMicronautInTheCore() {
        ArchitectureRules.NO_MICRONAUT_IN_THE_CORE.check(production);
    }

    @Test
    void servicesUsePortsNotAdapters() {
        ArchitectureRules.SERVICES_USE_PORTS_NOT_ADAPTERS.check(production);
    }

    @Test
    void ringsDependOnlyInwardAndAdaptersNotOnEachOther() {
        ArchitectureRules.RINGS.check(production);
    }

    @Test
    void pluginsUseTheGuardedClient() {
        ArchitectureRules.PLUGINS_USE_THE_GUARDED_CLIENT.check(production);
    }

    @Test
    void nothingDependsOnBootstrap() {
        ArchitectureRules.NOTHING_DEPENDS_ON_BOOTSTRAP.check(production);
    }

    @Test
    void onlyTheConsolesOidcPackageSpeaksOpenIdConnect() {
        ArchitectureRules.OIDC_PROTOCOL_ONLY_IN_CONSOLE_OIDC.check(production);
    }
}
