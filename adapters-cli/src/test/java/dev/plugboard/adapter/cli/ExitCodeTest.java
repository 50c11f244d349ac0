package dev.plugboard.adapter.cli;

import dev.plugboard.domain.error.ConcurrencyConflictException;
import dev.plugboard.domain.error.InvalidValueException;
import dev.plugboard.domain.installation.PluginAlreadyInstalledException;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.run.RunId;
import dev.plugboard.domain.run.RunNotFoundException;
import dev.plugboard.domain.settings.InvalidSettingsException;
import dev.plugboard.domain.settings.Violation;
import org.junit.jupiter.api.Test;

import java.util.Arrays;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ExitCodeTest {

    @Test
    void givenDomainErrors_of_givesEachKindItsDocumentedCode() {
        assertThat(ExitCode.of(new RunNotFoundException(RunId.of(UUID.randomUUID()))).code()).isEqualTo(3);
        assertThat(ExitCode.of(new InvalidSettingsException("webhook", List.of(new Violation("/url", "type", "string expected")))).code())
                .isEqualTo(4);
        assertThat(ExitCode.of(new PluginAlreadyInstalledException(Owner.user("alice"), "webhook")).code()).isEqualTo(5);
        assertThat(ExitCode.of(new ConcurrencyConflictException("installation", "x", 1)).code()).isEqualTo(5);
        assertThat(ExitCode.of(new InvalidValueException("limit", 0, "must be 1 to 200")).code()).isEqualTo(2);
    }

    @Test
    void givenAllCodes_theyAreDistinctAndTheHelpTableListsEach() {
        assertThat(Arrays.stream(ExitCode.values()).map(ExitCode::code)).doesNotHaveDuplicates();
        String table = String.format(ExitCode.helpTable());
        assertThat(table).contains("0  success", "3  the plugin, installation, run or workflow does not exist", "4  settings failed");
    }
}
