package dev.plugboard.example.embedding;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.ConfigureInstallationUseCase.ConfigureInstallationCommand;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.installation.InstallationView;
import dev.plugboard.application.port.in.run.StartRunUseCase.StartRunCommand;
import dev.plugboard.domain.owner.Owner;
import dev.plugboard.domain.plugin.ExecutionPolicy;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.run.PluginRun;
import dev.plugboard.domain.run.RunStatus;
import dev.plugboard.domain.run.RunTrigger;
import dev.plugboard.domain.settings.JsonDocument;
import org.junit.jupiter.api.Test;

import java.util.Optional;
import java.util.OptionalLong;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The embedding example of docs/embedding.md, run against the published jars: the build installs them into a
 * repository of its own and builds this project (examples/embedding-build); docs/embedding.md's block is this
 * method's code between the two markers, which ReadmeEmbeddingTest (application) keeps identical.
 */
class EmbeddingExampleTest {

    @Test
    void givenPlugboardInMemory_aUserInstallsConfiguresAndRunsAPluginDefinedInCode() {
        // README:embedding:start
        PluginManifest greeter = PluginManifest.builder("greeter", "1.0.0")
                .displayName("Greeter")
                .settingsSchema(JsonDocument.parse("""
                        {"type": "object", "properties": {
                          "greeting": {"type": "string", "default": "Hello"},
                          "apiKey": {"type": "string", "writeOnly": true}}}"""))
                .execution(ExecutionPolicy.external())   // your workers claim its runs: plugboard.workers()
                .build();
        Plugboard plugboard = Plugboard.builder().manifest(greeter).build();   // everything in memory
        plugboard.syncCatalog();

        Caller alice = Caller.user("alice", "free");
        PluginName name = PluginName.of("greeter");
        plugboard.installations().install(new InstallPluginCommand(alice, name,
                Optional.of(JsonDocument.parse("{\"apiKey\": \"k-123\"}")), Optional.empty()));
        InstallationView configured = plugboard.installations().configure(new ConfigureInstallationCommand(
                alice, name, JsonDocument.parse("{\"greeting\": \"Hi\"}"), OptionalLong.empty()));
        // configured.settings() is {"greeting":"Hi","apiKey":"(set)"}: the key was kept, and is never shown

        PluginRun run = plugboard.runs().start(new StartRunCommand(alice, name,
                JsonDocument.parse("{\"to\": \"Bob\"}"), RunTrigger.MANUAL, Optional.of("greet-bob-1")));
        PluginRun stored = plugboard.runs().get(alice.owner(), run.id());   // pending, attempt 0
        // README:embedding:end

        assertThat(configured.settings()).isEqualTo(JsonDocument.parse("{\"greeting\": \"Hi\", \"apiKey\": \"(set)\"}"));
        assertThat(configured.secretsSet()).containsExactly("/apiKey");
        assertThat(configured.version()).isEqualTo(1);
        assertThat(stored.id()).isEqualTo(run.id());
        assertThat(stored.owner()).isEqualTo(Owner.user("alice"));
        assertThat(stored.status()).isEqualTo(RunStatus.PENDING);
        assertThat(stored.attempt()).isZero();
        assertThat(stored.input().at("/to")).contains("Bob");
        assertThat(plugboard.installations().listInstallations(alice.owner()))
                .singleElement().satisfies(view -> assertThat(view.active()).isTrue());
    }
}
