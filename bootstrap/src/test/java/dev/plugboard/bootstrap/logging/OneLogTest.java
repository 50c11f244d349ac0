package dev.plugboard.bootstrap.logging;

import ch.qos.logback.classic.Logger;
import ch.qos.logback.classic.spi.ILoggingEvent;
import ch.qos.logback.core.read.ListAppender;
import dev.plugboard.application.port.out.LogContext;
import dev.plugboard.bootstrap.launch.InvalidConfigurationException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** System.Logger and java.util.logging lines reach Logback, with the log context of the run that wrote them. */
class OneLogTest {

    private final ListAppender<ILoggingEvent> captured = new ListAppender<>();
    private final Logger root = (Logger) LoggerFactory.getLogger(org.slf4j.Logger.ROOT_LOGGER_NAME);

    @BeforeEach
    void capture() {
        captured.start();
        root.addAppender(captured);
    }

    @AfterEach
    void release() {
        root.detachAppender(captured);
    }

    @Test
    void givenASystemLogger_itsLines_reachLogbackWithTheRunsContext() {
        try (LogContext.Scope ignored = new MdcLogContext().open(Map.of("runId", "run-1", "plugin", "webhook"))) {
            System.getLogger("dev.plugboard.plugin.webhook").log(System.Logger.Level.INFO, "sent {0}", "POST");
        }

        ILoggingEvent event = captured.list.stream().filter(e -> e.getLoggerName().equals("dev.plugboard.plugin.webhook"))
                .findFirst().orElseThrow(() -> new AssertionError("the System.Logger line is not in Logback: " + captured.list));
        assertThat(event.getFormattedMessage()).isEqualTo("sent POST");
        assertThat(event.getMDCPropertyMap()).containsEntry("runId", "run-1").containsEntry("plugin", "webhook");
        assertThat(MDC.get("runId")).as("the context ends with its scope").isNull();
    }

    @Test
    void givenTheBridge_javaUtilLoggingLines_reachLogback() {
        LoggingSetup.bridgeJavaUtilLogging();
        root.setLevel(ch.qos.logback.classic.Level.INFO); // re-propagates the level to JUL

        java.util.logging.Logger.getLogger("some.library").warning("from JUL");

        assertThat(captured.list).anySatisfy(event -> {
            assertThat(event.getLoggerName()).isEqualTo("some.library");
            assertThat(event.getFormattedMessage()).isEqualTo("from JUL");
        });
    }

    @Test
    void givenAnUnknownFormat_configure_refusesNamingTheValueAndTheChoices() {
        assertThatThrownBy(() -> LoggingSetup.configure("xml"))
                .isInstanceOf(InvalidConfigurationException.class)
                .hasMessageContaining("PLUGBOARD_LOG_FORMAT is 'xml'").hasMessageContaining("plain").hasMessageContaining("json");
    }
}
