package dev.plugboard.application.service.run;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** A run starts although its installation's secrets, sealed, would not pass their own rules as "(set)". */
class RunWithSealedSecretsTest {

    @Test
    void givenASecretWithRulesThePlaceholderBreaks_start_queuesTheRun() {
        PluginManifest signer = PluginManifest.builder("signer", "1.0.0")
                .execution(dev.plugboard.domain.plugin.ExecutionPolicy.external())
                .settingsSchema(JsonDocument.parse("""
                        {"type": "object", "required": ["secret"],
                         "properties": {"secret": {"type": "string", "writeOnly": true, "minLength": 16, "pattern": "^[a-f0-9]+$"}}}
                        """))
                .build();
        Plugboard plugboard = Plugboard.builder().manifest(signer).build();
        plugboard.syncCatalog();
        Caller alice = Caller.user("alice", null);
        plugboard.installations().install(new InstallPluginCommand(alice, PluginName.of("signer"),
                Optional.of(JsonDocument.parse("{\"secret\": \"0123456789abcdef\"}")), Optional.empty()));

        PluginRun run = plugboard.runs().start(new StartRunCommand(alice, PluginName.of("signer"), JsonDocument.empty(),
                RunTrigger.MANUAL, Optional.empty()));

        assertThat(run.status()).isEqualTo(RunStatus.PENDING);
    }
}
