package dev.plugboard.bootstrap.architecture;

import com.tngtech.archunit.lang.ArchRule;
import com.tngtech.archunit.library.Architectures;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static com.tngtech.archunit.library.Architectures.layeredArchitecture;

/** The dependency rules of BRIEF.md, as ArchUnit rules; the tests check them on the code and on fixtures that break them. */
final class ArchitectureRules {

    static final String DOMAIN = "dev.plugboard.domain..";
    static final String SETTINGS = "dev.plugboard.domain.settings..";
    static final String APPLICATION = "dev.plugboard.application..";
    static final String PERSISTENCE = "dev.plugboard.adapter.persistence..";
    static final String REST = "dev.plugboard.adapter.rest..";
    static final String CLI = "dev.plugboard.adapter.cli..";
    static final String CONSOLE = "dev.plugboard.adapter.console..";
    static final String SECRETS = "dev.plugboard.adapter.secrets..";
    static final String OUTBOUND = "dev.plugboard.adapter.outbound..";
    static final String[] WORKFLOW_LANGUAGE = {"dev.plugboard.adapter.workflow.language..", "dev.plugboard.adapter.workflow.schedule.."};
    static final String PLUGINS = "dev.plugboard.plugins..";
    static final String ISOLATION = "dev.plugboard.adapter.isolation..";
    static final String PLUGIN_API = "dev.plugboard.plugin..";
    static final String HOST = "dev.plugboard.host..";
    static final String WORKER_CLIENT = "dev.plugboard.worker..";
    static final String ADAPTERS = "dev.plugboard.adapter..";
    static final String BOOTSTRAP = "dev.plugboard.bootstrap..";

    private ArchitectureRules() {
    }

    /** The one application class that reads and writes YAML text: the declarative state file, for the CLI and REST. */
    static final String STATE_TEXT = "dev.plugboard.application.port.in.state.YamlText";

    /** The two version classes that may use semver4j, the version library. */
    static final String[] VERSION_CLASSES = {"dev.plugboard.domain.plugin.SemanticVersion", "dev.plugboard.domain.plugin.VersionRange"};

    /** Outside its settings package and its version classes the domain uses nothing but the JDK. */
    static final ArchRule DOMAIN_IS_PURE_JAVA = classes()
            .that().resideInAPackage(DOMAIN).and().resideOutsideOfPackage(SETTINGS)
            .and().doNotHaveFullyQualifiedName(VERSION_CLASSES[0]).and().doNotHaveFullyQualifiedName(VERSION_CLASSES[1])
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..")
            .as("the domain depends on nothing but the JDK (outside its settings package and its version classes)");

    /** The version classes may also use semver4j, and nothing else. */
    static final ArchRule VERSIONS_USE_ONLY_SEMVER4J = classes()
            .that().haveFullyQualifiedName(VERSION_CLASSES[0]).or().haveFullyQualifiedName(VERSION_CLASSES[1])
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "org.semver4j..")
            .as("the domain's version classes depend only on the JDK and semver4j");

    /** The settings package may also use Jackson and the JSON Schema library, and nothing else. */
    static final ArchRule SETTINGS_USES_ONLY_JACKSON_AND_SCHEMA_LIBRARY = classes()
            .that().resideInAPackage(SETTINGS)
            .should().onlyDependOnClassesThat().resideInAnyPackage(DOMAIN, "java..", "com.fasterxml.jackson..", "com.networknt.schema..")
            .as("the domain's settings package depends only on the JDK, Jackson and networknt");

    /** The application sees the domain and the JDK, nothing else. */
    static final ArchRule APPLICATION_DEPENDS_ONLY_ON_DOMAIN = classes()
            .that().resideInAPackage(APPLICATION).and().doNotHaveFullyQualifiedName(STATE_TEXT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, PLUGIN_API, "java..")
            .as("the application depends only on the domain, the plugin API and the JDK");

    /** The state file's text form may also use Jackson (its YAML dataformat), and nothing else: the domain no longer may. */
    static final ArchRule STATE_TEXT_USES_ONLY_JACKSON = classes()
            .that().haveFullyQualifiedName(STATE_TEXT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(APPLICATION, DOMAIN, "java..", "com.fasterxml.jackson..")
            .as("the application's YamlText depends only on the JDK, the domain and Jackson");

    /** A plugin jar compiles against the plugin API alone, so the API needs nothing but the JDK (and Jackson's annotations). */
    static final ArchRule PLUGIN_API_IS_STANDALONE = classes()
            .that().resideInAPackage(PLUGIN_API)
            .should().onlyDependOnClassesThat().resideInAnyPackage(PLUGIN_API, "java..", "com.fasterxml.jackson.annotation..")
            .as("the plugin API depends on nothing but the JDK and Jackson's annotations");

    /** A host's class path holds the host, the plugin API, Jackson and the plugin: nothing of the server. */
    static final ArchRule HOST_NEEDS_ONLY_THE_API_AND_JACKSON = classes()
            .that().resideInAPackage(HOST)
            .should().onlyDependOnClassesThat().resideInAnyPackage(HOST, PLUGIN_API, "java..", "com.sun.management..", "com.fasterxml.jackson..")
            .as("the plugin host depends only on the plugin API, Jackson and the JDK");

    /** The worker library (plugboard-worker) runs beside the server and speaks to it over HTTP: the JDK and Jackson only. */
    static final ArchRule WORKER_CLIENT_IS_STANDALONE = classes()
            .that().resideInAPackage(WORKER_CLIENT)
            .should().onlyDependOnClassesThat().resideInAnyPackage(WORKER_CLIENT, "java..", "com.fasterxml.jackson..")
            .as("the worker library depends on nothing but the JDK and Jackson");

    /** ...and the server never uses it: a worker is a client, not a part of the server. */
    static final ArchRule SERVER_DOES_NOT_USE_THE_WORKER_CLIENT = noClasses()
            .that().resideOutsideOfPackage(WORKER_CLIENT)
            .should().dependOnClassesThat().resideInAPackage(WORKER_CLIENT)
            .as("no server module depends on the worker library");

    /** Not even the JDK's JDBC or HTTP client: storage and transport are the adapters' business. */
    static final ArchRule APPLICATION_HAS_NO_JDBC_OR_HTTP = noClasses()
            .that().resideInAPackage(APPLICATION)
            .should().dependOnClassesThat().resideInAnyPackage("java.sql..", "javax.sql..", "java.net.http..")
            .as("the application uses no JDBC and no HTTP client");

    /** Framework annotations stay in the adapters and bootstrap. */
    static final ArchRule NO_MICRONAUT_IN_THE_CORE = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION)
            .should().dependOnClassesThat().resideInAPackage("io.micronaut..")
            .as("no io.micronaut in the domain or the application");

    /** Services talk to ports, never to a particular adapter, not even the in-memory ones. */
    static final ArchRule SERVICES_USE_PORTS_NOT_ADAPTERS = noClasses()
            .that().resideInAPackage("dev.plugboard.application.service..")
            .should().dependOnClassesThat().resideInAPackage("dev.plugboard.application.inmemory..")
            .as("application services depend on ports, not on the in-memory adapters");

    /** Each ring only depends inward; adapters never on each other. */
    static final Architectures.LayeredArchitecture RINGS = layeredArchitecture()
            .consideringOnlyDependenciesInLayers()
            .layer("domain").definedBy(DOMAIN)
            .layer("application").definedBy(APPLICATION)
            .layer("persistence").definedBy(PERSISTENCE)
            .layer("rest").definedBy(REST)
            .layer("cli").definedBy(CLI)
            .layer("console").definedBy(CONSOLE)
            .layer("secrets").definedBy(SECRETS)
            .layer("outbound").definedBy(OUTBOUND)
            .layer("workflow-language").definedBy(WORKFLOW_LANGUAGE)
            .layer("plugins").definedBy(PLUGINS)
            .layer("isolation").definedBy(ISOLATION)
            .whereLayer("plugins").mayNotBeAccessedByAnyLayer()
            .whereLayer("isolation").mayNotBeAccessedByAnyLayer()
            .whereLayer("outbound").mayNotBeAccessedByAnyLayer()
            .whereLayer("workflow-language").mayNotBeAccessedByAnyLayer()
            .whereLayer("persistence").mayNotBeAccessedByAnyLayer()
            .whereLayer("rest").mayNotBeAccessedByAnyLayer()
            .whereLayer("cli").mayNotBeAccessedByAnyLayer()
            .whereLayer("console").mayNotBeAccessedByAnyLayer()
            .whereLayer("secrets").mayNotBeAccessedByAnyLayer()
            .whereLayer("application").mayOnlyBeAccessedByLayers("persistence", "rest", "cli", "console", "secrets", "outbound", "plugins",
                    "isolation", "workflow-language")
            .whereLayer("domain").mayOnlyBeAccessedByLayers("application", "persistence", "rest", "cli", "console", "secrets", "outbound",
                    "plugins", "isolation", "workflow-language");

    /** A plugin's HTTP goes through the guarded client of its context, never around it. */
    static final ArchRule PLUGINS_USE_THE_GUARDED_CLIENT = noClasses()
            .that().resideInAPackage(PLUGINS)
            .should().dependOnClassesThat().resideInAnyPackage("java.net.http..", "okhttp3..", "javax.net..")
            .orShould().dependOnClassesThat().belongToAnyOf(java.net.Socket.class, java.net.URLConnection.class,
                    java.net.HttpURLConnection.class, java.net.URL.class, java.nio.channels.SocketChannel.class)
            .as("plugins make HTTP requests only through HandlerContext.outbound()");

    /** The console's OpenID sign-in package, the one place that speaks the protocol. */
    static final String CONSOLE_OIDC = "dev.plugboard.adapter.console.oidc..";

    /**
     * The OAuth 2.0 / OpenID Connect library (Nimbus) is used only by the console's OpenID sign-in:
     * nowhere else may codes, state or ID tokens be handled, so their checks live in one place.
     */
    static final ArchRule OIDC_PROTOCOL_ONLY_IN_CONSOLE_OIDC = noClasses()
            .that().resideOutsideOfPackage(CONSOLE_OIDC)
            .should().dependOnClassesThat().resideInAnyPackage("com.nimbusds.oauth2..", "com.nimbusds.openid..")
            .as("only the console's oidc package uses the OAuth 2.0 / OpenID Connect library");

    /** Only bootstrap sees everything; nothing depends on it. */
    static final ArchRule NOTHING_DEPENDS_ON_BOOTSTRAP = noClasses()
            .that().resideInAnyPackage(DOMAIN, APPLICATION, ADAPTERS, PLUGINS, PLUGIN_API, HOST)
            .should().dependOnClassesThat().resideInAPackage(BOOTSTRAP)
            .as("nothing but bootstrap depends on bootstrap");
}
