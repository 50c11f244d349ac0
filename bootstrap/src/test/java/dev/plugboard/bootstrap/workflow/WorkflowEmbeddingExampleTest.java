package dev.plugboard.bootstrap.workflow;

import dev.plugboard.application.Plugboard;
import dev.plugboard.application.port.in.Caller;
import dev.plugboard.application.port.in.installation.InstallPluginUseCase.InstallPluginCommand;
import dev.plugboard.application.port.in.workflow.WorkflowActor;
import dev.plugboard.application.service.execution.RunExecutor;
import dev.plugboard.application.spi.HandlerContext;
import dev.plugboard.application.spi.HandlerRegistry;
import dev.plugboard.application.spi.PluginHandler;
import dev.plugboard.domain.plugin.PluginManifest;
import dev.plugboard.domain.plugin.PluginName;
import dev.plugboard.domain.settings.JsonDocument;
import dev.plugboard.domain.workflow.WorkflowRun;
import dev.plugboard.domain.workflow.WorkflowRunStatus;
import org.junit.jupiter.api.Test;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The workflow embedding example of docs/embedding.md, run by the build and kept identical to that page. */
class WorkflowEmbeddingExampleTest {

    /** A plugin defined in code: upper-cases its text and adds an exclamation mark. */
    static final class Shout implements PluginHandler {
        @Override
        public PluginManifest manifest() {
            return PluginManifest.builder("shout", "1.0.0").displayName("Shout").build();
        }

        @Override
        public JsonDocument execute(JsonDocument input, JsonDocument settings, HandlerContext context) {
            return JsonDocument.of(Map.of("text", String.valueOf(input.get("text").orElse("")).toUpperCase() + "!"));
        }
    }

    @Test
    void givenTwoStepsInMemory_theSecondGetsTheFirstsOutput() throws Exception {
        // README:workflows:start
        Plugboard plugboard = Plugboard.builder().handlers(new HandlerRegistry(List.of(new Shout()))).build();
        plugboard.syncCatalog();
        Caller alice = Caller.user("alice", "free");
        plugboard.installations().install(new InstallPluginCommand(alice, PluginName.of("shout"),
                Optional.empty(), Optional.empty()));

        WorkflowActor actor = WorkflowActor.of(alice);
        plugboard.workflows().manage().create(actor, JsonDocument.parse("""
                {"name": "Shout twice", "slug": "shout-twice", "status": "ACTIVE", "triggerType": "MANUAL",
                 "steps": [{"order": 0, "plugin": "shout", "inputMapping": {"text": "{{ trigger.data.text }}"}},
                           {"order": 1, "plugin": "shout", "inputMapping": {"text": "{{ prev.text }}"}}]}""").asMap());
        WorkflowRun run = plugboard.workflows().runs().run(actor, "shout-twice", Map.of("text", "hi"));

        RunExecutor executor = plugboard.newExecutor();   // the server does this on a schedule
        while (!plugboard.workflows().runs().getRun(actor, run.id()).status().isFinal()) {
            plugboard.workflows().engine().advanceDue(100);
            executor.poll();
            Thread.sleep(10);
        }
        WorkflowRun done = plugboard.workflows().runs().getRun(actor, run.id());   // output {"text": "HI!!"}
        // README:workflows:end
        executor.close();

        assertThat(done.status()).isEqualTo(WorkflowRunStatus.COMPLETED);
        assertThat(done.output()).isEqualTo(Map.of("text", "HI!!"));
        assertThat(done.stepRuns()).extracting(step -> step.input()).containsExactly(Map.of("text", "hi"),
                Map.of("text", "HI!"));
    }

    @Test
    void theReadmeShowsExactlyTheCodeTheBuildRuns() throws Exception {
        String source = Files.readString(Path.of("src/test/java/dev/plugboard/bootstrap/workflow/WorkflowEmbeddingExampleTest.java"));
        String example = source.substring(source.indexOf("// README:workflows:start\n") + "// README:workflows:start\n".length(),
                source.indexOf("        // README:workflows:end"));
        String dedented = example.lines().map(line -> line.length() >= 8 ? line.substring(8) : line.strip())
                .collect(Collectors.joining("\n"));
        assertThat(Files.readString(Path.of("../docs/embedding.md")))
                .as("docs/embedding.md workflow embedding block; regenerate it from WorkflowEmbeddingExampleTest").contains(dedented);
    }
}
