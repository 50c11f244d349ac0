package dev.plugboard.bootstrap.support;

import org.junit.jupiter.api.Test;
import org.opentest4j.TestAbortedException;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Without python3 the Python worker tests never pass silently: they are skipped loudly, or fail when CI requires them. */
class Python3AvailabilityTest {

    private static final String NO_PYTHON_HERE = "/nonexistent/bin";

    @Test
    void givenNoPythonAndNoRequirement_require_skipsAndSaysHowToInstallIt() {
        PrintStream original = System.err;
        ByteArrayOutputStream captured = new ByteArrayOutputStream();
        System.setErr(new PrintStream(captured, true, StandardCharsets.UTF_8));
        try {
            assertThatThrownBy(() -> Python3.require(NO_PYTHON_HERE, false)).isInstanceOf(TestAbortedException.class);
        } finally {
            System.setErr(original);
        }
        assertThat(captured.toString(StandardCharsets.UTF_8)).contains("Python worker tests did NOT run")
                .contains("apt-get install python3");
    }

    @Test
    void givenNoPythonAndTheRequirement_require_fails() {
        assertThatThrownBy(() -> Python3.require(NO_PYTHON_HERE, true))
                .isInstanceOf(AssertionError.class).hasMessageContaining("PLUGBOARD_TEST_REQUIRE_PYTHON");
    }
}
