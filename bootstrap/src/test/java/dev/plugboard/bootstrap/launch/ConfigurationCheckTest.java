package dev.plugboard.bootstrap.launch;

import io.micronaut.context.ApplicationContext;
import io.micronaut.context.env.Environment;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ConfigurationCheckTest {

    @Test
    void givenTheShippedDefaultsAndEveryKnownKind_check_acceptsThem() {
        assertThatCode(() -> check(Map.of("plugboard.plan-limits.pro", "50", "plugboard.rate-limit.period", "PT1M",
                "plugboard.cors.allowed-origins", "https://a.example.test,https://b.example.test"),
                Map.of("PLUGBOARD_PORT", "8081", "PLUGBOARD_PLAN_LIMITS_TEAM", "7", "PLUGBOARD_LOG_LEVEL", "DEBUG",
                        "PLUGBOARD_TEST_DATABASE_URL", "jdbc:postgresql://x/y", "PLUGBOARD_JAVA_OPTS", "-Xmx1g", "PLUGBOARD_CDS", "off",
                        "PATH", "/usr/bin"))).doesNotThrowAnyException();
    }

    @Test
    void givenAMisspelledKey_check_namesItAndTheClosestValidOne() {
        assertThatThrownBy(() -> check(Map.of("plugboard.data-dri", "/tmp/x"), Map.of()))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageStartingWith("unknown configuration key plugboard.data-dri")
                .hasMessageEndingWith("did you mean plugboard.data-dir?");
        assertThatThrownBy(() -> check(Map.of("plugboard.rate-limit.burts", "5"), Map.of()))
                .hasMessageEndingWith("did you mean plugboard.rate-limit.burst?");
    }

    @Test
    void givenAMisspelledVariable_check_namesItAndTheClosestValidOne() {
        assertThatThrownBy(() -> check(Map.of(), Map.of("PLUGBOARD_DATABSE_URL", "jdbc:postgresql://x/y")))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessage("unknown configuration variable PLUGBOARD_DATABSE_URL; did you mean PLUGBOARD_DATABASE_URL"
                        + " (plugboard.database.url)?");
    }

    @Test
    void givenAShortenedVariable_check_suggestsTheVariableItBegins_notAnEquallyDistantOne() {
        // PLUGBOARD_DATA is as far from PLUGBOARD_PORT as from PLUGBOARD_DATA_DIR; the one it begins is meant.
        assertThatThrownBy(() -> check(Map.of(), Map.of("PLUGBOARD_DATA", "/data")))
                .hasMessage("unknown configuration variable PLUGBOARD_DATA; did you mean PLUGBOARD_DATA_DIR"
                        + " (plugboard.data-dir)?");
    }

    @Test
    void givenABadValue_check_namesTheVariableAndTheExpectedForm() {
        assertThatThrownBy(() -> check(Map.of(), Map.of("PLUGBOARD_PORT", "abc")))
                .hasMessage("invalid value PLUGBOARD_PORT=abc: expected a port number from 0 to 65535");
        assertThatThrownBy(() -> check(Map.of("plugboard.execution.lease", "soon"), Map.of()))
                .hasMessage("invalid value plugboard.execution.lease=soon: expected a duration such as 30s, 500ms, 2m, 1h or PT30S");
        assertThatThrownBy(() -> check(Map.of(), Map.of("PLUGBOARD_PLAN_LIMITS_PRO", "many")))
                .hasMessage("invalid value PLUGBOARD_PLAN_LIMITS_PRO=many: expected a whole number of 0 or more");
        assertThatThrownBy(() -> check(Map.of(), Map.of("PLUGBOARD_RATE_LIMIT_ENABLED", "yes")))
                .hasMessage("invalid value PLUGBOARD_RATE_LIMIT_ENABLED=yes: expected true or false");
        assertThatThrownBy(() -> check(Map.of(), Map.of("PLUGBOARD_ENVIRONMENT", "Staging Env")))
                .hasMessageStartingWith("invalid value PLUGBOARD_ENVIRONMENT=Staging Env: expected an environment name");
    }

    @Test
    void givenEveryKey_itsVariable_mapsBackToIt() {
        for (ConfigurationKeys.Key key : ConfigurationKeys.KEYS) {
            assertThat(ConfigurationKeys.forVariable(key.map() ? key.variable() + "_X" : key.variable()))
                    .as(key.name()).hasValueSatisfying(found -> assertThat(found.name()).isEqualTo(key.name()));
        }
    }

    private static void check(Map<String, Object> properties, Map<String, String> variables) {
        try (ApplicationContext context = ApplicationContext.builder().properties(properties).build()) {
            Environment environment = context.getEnvironment();
            environment.start();
            ConfigurationCheck.check(environment, variables);
        }
    }
}
