package dev.plugboard.bootstrap.cli;

import dev.plugboard.adapter.persistence.embedded.EmbeddedDatabase;
import dev.plugboard.bootstrap.cli.PlugboardProcess.Outcome;
import dev.plugboard.bootstrap.rest.PluginDirectories;
import dev.plugboard.hooked.KeyChecker;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * A plugin jar's validate hook through real {@code plugboard} processes on PostgreSQL: its problem is
 * printed as a settings violation at its pointer, with the settings exit code, by a dry run and by an
 * install, which then stores nothing.
 */
class LifecycleHooksCliProcessTest {

    @TempDir
    static Path folder;
    private static EmbeddedDatabase database;
    private static PlugboardProcess plugboard;

    @BeforeAll
    static void startTheDatabaseWithAHookedPlugin() throws Exception {
        database = EmbeddedDatabase.start(EmbeddedDatabase.Options.in(folder.resolve("data")));
        Path directory = PluginDirectories.processPlugin(folder.resolve("plugins"), "keychecker",
                KeyChecker.class.getName(), List.of("memory: 64m", "hosts: 1"));
        Files.writeString(directory.resolve("settings.schema.json"), """
                {"type": "object", "properties": {"apiKey": {"type": "string", "writeOnly": true}}}""");
        PluginDirectories.jarOfPackage(KeyChecker.class, directory.resolve("plugin.jar"));
        plugboard = new PlugboardProcess(folder, Map.of("PLUGBOARD_PLUGINS_DIR", folder.resolve("plugins").toString()));
        Outcome synced = plugboard.run("plugins", "sync");
        assertThat(synced.exitCode()).as(synced.toString()).isZero();
        assertThat(synced.err()).as("plain progress lines: no terminal here").startsWith("sync plugins: 1 of ")
                .containsPattern("sync plugins: (\\d+) of \\1");
        Files.writeString(folder.resolve("bad.json"), "{\"apiKey\": \"bad\"}");
    }

    @AfterAll
    static void stopTheDatabase() {
        database.close();
    }

    @Test
    void givenValidateRefusingTheKey_dryRunAndInstall_printTheViolationAtItsPointer_exit4_andStoreNothing()
            throws Exception {
        String bad = folder.resolve("bad.json").toString();

        Outcome dryRun = plugboard.run("installs", "validate", "keychecker", "--user", "alice", "--settings", bad);
        Outcome install = plugboard.run("installs", "add", "keychecker", "--user", "alice", "--settings", bad);
        Outcome listed = plugboard.run("installs", "list", "--user", "alice");

        assertThat(dryRun.out() + dryRun.err()).as(dryRun.toString()).contains("/apiKey: the service refused this API key");
        assertThat(dryRun.exitCode()).isEqualTo(4);
        assertThat(install.exitCode()).as(install.toString()).isEqualTo(4);
        assertThat(install.err()).contains("/apiKey: the service refused this API key").doesNotContain("\"bad\"");
        assertThat(listed.out()).doesNotContain("keychecker");
        assertThat(ProcessHandle.allProcesses().filter(ProcessHandle::isAlive)
                .filter(p -> p.info().arguments().map(args -> List.of(args).contains(KeyChecker.class.getName())).orElse(false))
                .toList()).as("the commands left no plugin host behind").isEmpty();
    }
}
